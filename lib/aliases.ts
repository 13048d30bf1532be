// Moved URLs: every article's `aliases` (old paths, refused by the loader when they would hide a page
// or lead to two articles) redirect to it. The Node host answers each with a 308 (lib/server/aliases.mjs,
// from the table here); a static export gets, for each, a small page that redirects (a meta refresh,
// with the canonical URL for search engines) and one line of a `_redirects` file, which Netlify and
// Cloudflare Pages read and answer with a real redirect.
import type { Article, ContentIndex } from './content';
import { site } from './site';
import { absoluteUrl, urls } from './urls';

/** Alias path (one spelling, no final slash) → the article's URL, as this host spells it. */
export function aliasTable(index: ContentIndex): Record<string, string> {
  const table: Record<string, string> = {};
  for (const article of index.articles) {
    for (const alias of article.aliases) table[alias] = urls.article(article.slug);
  }
  return table;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** The page a static host serves at an old path: it sends the reader on, and tells crawlers where. */
export function redirectPage(article: Article, metaPolicy: string): string {
  const target = urls.article(article.slug);
  return `<!DOCTYPE html>
<html lang="${html(site.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${html(metaPolicy)}">
<meta http-equiv="refresh" content="0; url=${html(target)}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${html(absoluteUrl(target))}">
<title>Moved: ${html(article.title)} · ${html(site.name)}</title>
</head>
<body>
<p>This article has moved to <a href="${html(target)}">${html(article.title)}</a>.</p>
</body>
</html>
`;
}

/**
 * `_redirects` in the format Netlify and Cloudflare Pages share: `from to status`, one a line. Paths
 * are in their one spelling, percent-encoded, so no line can hold a space or a line break.
 */
export function redirectsFile(table: Record<string, string>): string {
  return Object.entries(table)
    .map(([from, to]) => `${from} ${to} 301\n`)
    .join('');
}

/** Where an alias's page goes in an export: `<path>/index.html`, its segments decoded to file names. */
export function redirectFile(alias: string): string[] {
  return [...alias.slice(1).split('/').map(decodeURIComponent), 'index.html'];
}
