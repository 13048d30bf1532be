// The kinds of term (tags, categories, authors, series) as the site shows them: their titles, the params of
// their routes and finding a term by its URL segment. How spellings become terms is the loader's job
// (lib/content/terms.ts).
import { getContent, type TermIndex } from './content';
import type { Term } from './content/terms';
import { orPlaceholder } from './paginate';
import { longTail } from './prerender';
import { lookUp } from './server/segments.mjs';
import type { TermKind } from './urls';

export const taxonomies: Record<TermKind, { title: string; noun: string }> = {
  tags: { title: 'Tags', noun: 'Tag' },
  categories: { title: 'Categories', noun: 'Category' },
  authors: { title: 'Authors', noun: 'Author' },
  series: { title: 'Series', noun: 'Series' },
};

export const termKinds = Object.keys(taxonomies) as TermKind[];

/** The kind of term a first URL segment names (`tags`), in that one spelling. */
export function termKind(segment: string): TermKind | undefined {
  return Object.hasOwn(taxonomies, segment) ? (segment as TermKind) : undefined;
}

export function termIndex(kind: TermKind): TermIndex {
  return getContent()[kind];
}

/**
 * A term kind's first pages and feeds: every category's and series' is prerendered (there are few),
 * tags' and authors' only with the rest.
 */
export function termParams(kind: TermKind): { term: string }[] {
  const params = orPlaceholder(
    termIndex(kind).terms.map((t) => ({ term: t.slug })),
    { term: '_' },
  );
  return kind === 'categories' || kind === 'series' ? params : longTail(params);
}

/** A term by its URL segment, in the one spelling lib/urls.ts builds (lib/server/segments.mjs). */
export function findTerm(kind: TermKind, segment: string): Term | undefined {
  return lookUp(termIndex(kind).bySlug, segment);
}
