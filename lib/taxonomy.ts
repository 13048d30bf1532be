// Route helpers for term pages (tags, categories, authors): params and look-ups.
import { type Article, getContent, type TermIndex } from './content';
import { orPlaceholder } from './paginate';
import { longTail } from './prerender';
import type { Term } from './terms';
import type { TermKind } from './urls';

export const taxonomies: Record<TermKind, { title: string; noun: string }> = {
  tags: { title: 'Tags', noun: 'Tag' },
  categories: { title: 'Categories', noun: 'Category' },
  authors: { title: 'Authors', noun: 'Author' },
};

export function termIndex(kind: TermKind): TermIndex {
  return getContent()[kind];
}

/** A term kind's first pages and feeds: every category's is prerendered, tags and authors only with the rest. */
export function termParams(kind: TermKind): { term: string }[] {
  const params = orPlaceholder(
    termIndex(kind).terms.map((t) => ({ term: t.slug })),
    { term: '_' },
  );
  return kind === 'categories' ? params : longTail(params);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A term by its URL segment, whether the host hands it over percent-encoded or decoded. */
export function findTerm(kind: TermKind, segment: string): Term | undefined {
  const { bySlug } = termIndex(kind);
  return bySlug.get(segment) ?? bySlug.get(safeDecode(segment).normalize('NFC'));
}

export function findArticle(segment: string): Article | undefined {
  const { bySlug } = getContent();
  return bySlug.get(segment) ?? bySlug.get(safeDecode(segment).normalize('NFC'));
}
