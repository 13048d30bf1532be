// Route helpers for term pages (tags, categories, authors): params, look-ups and paged lists.
import { type Article, getContent, type TermIndex } from './content';
import { extraPages, orPlaceholder, type Page, paginate, parsePage } from './paginate';
import { site } from './site';
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

export function termParams(kind: TermKind): { term: string }[] {
  return orPlaceholder(
    termIndex(kind).terms.map((t) => ({ term: t.slug })),
    { term: '_' },
  );
}

export function termPageParams(kind: TermKind): { term: string; page: string }[] {
  const index = termIndex(kind);
  return orPlaceholder(
    index.terms.flatMap((t) =>
      extraPages(index.articles.get(t.slug)?.length ?? 0, site.pageSize).map(({ page }) => ({ term: t.slug, page })),
    ),
    { term: '_', page: '1' },
  );
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

export function termPage(
  kind: TermKind,
  segment: string,
  pageSegment = '1',
): { term: Term; page: Page<Article> } | undefined {
  const term = findTerm(kind, segment);
  const number = pageSegment === '1' ? 1 : parsePage(pageSegment);
  if (!term || number === undefined) return undefined;
  const page = paginate(termIndex(kind).articles.get(term.slug) ?? [], number, site.pageSize);
  return page && { term, page };
}

export function findArticle(segment: string): Article | undefined {
  const { bySlug } = getContent();
  return bySlug.get(segment) ?? bySlug.get(safeDecode(segment).normalize('NFC'));
}
