// What search knows of an article: one Pagefind record, made from the loaded content rather than from
// rendered pages, so every article is searchable however few pages a build renders (lib/prerender.ts).
import { type Article, articleBody } from './content';
import { site } from './site';
import { plainText } from './text';
import { urls } from './urls';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * The record /search finds an article by: title, excerpt and body (read from its file) as text; category
 * and tags as facets.
 */
export function searchRecord(article: Article): SearchRecord {
  const filters: Record<string, string[]> = { tag: article.tags.map((t) => t.name) };
  if (article.category) filters.category = [article.category.name];
  return {
    url: urls.article(article.slug),
    content: [article.title, article.excerptFromBody ? '' : article.excerpt, plainText(articleBody(article))]
      .filter(Boolean)
      .join('\n'),
    language: site.locale.split('-')[0].toLowerCase(),
    meta: { title: article.title, date: article.date.day },
    filters,
  };
}

/**
 * Everything searchRecord makes an article's record from, as one string, with the stamp of its file
 * (the body is read from it): equal keys, equal records, so a search shard of equal keys need not be
 * indexed again (lib/search-shards.ts). Change searchRecord, and this with it.
 */
export function recordKey(article: Article, fileStamp: string): string {
  return [
    article.filePath,
    fileStamp,
    urls.article(article.slug),
    article.title,
    article.date.day,
    article.excerptFromBody ? '' : article.excerpt,
    article.category?.name ?? '',
    ...article.tags.map((t) => t.name),
  ].join('\u0001');
}
