// Every URL the site links to is built here: slugs, paths, pages and absolute URLs.
import { readSettings } from './settings.mjs';
import { site } from './site';

/** The static export serves every route as `dir/index.html`, so its links end in a slash. */
const trailing = readSettings().staticExport ? '/' : '';
export const trailingSlash = trailing === '/';

const SYMBOL_WORDS: Record<string, string> = { '+': ' plus ', '#': ' sharp ', '&': ' and ', '@': ' at ' };

/**
 * A URL segment for a term: lower-case letters and digits of any script joined by hyphens.
 * Symbols that carry meaning become words, so `C++`, `C#` and `C` get different slugs.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[+#&@]/g, (ch) => SYMBOL_WORDS[ch] ?? ch)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function path(...segments: (string | number)[]): string {
  const joined = segments.map((s) => encodeURIComponent(String(s))).join('/');
  return `/${joined}${trailing}`;
}

function paged(base: string[], page: number): string {
  return page > 1 ? path(...base, 'page', page) : path(...base);
}

export type TermKind = 'tags' | 'categories' | 'authors' | 'series';

export const urls = {
  /** A fixed site path such as `/tags`, in the host's form. */
  page: (pathname: string) => (pathname === '/' ? '/' : `${pathname}${trailing}`),
  home: (page = 1) => (page > 1 ? path('page', page) : '/'),
  article: (slug: string) => path('articles', slug),
  termIndex: (kind: TermKind) => path(kind),
  term: (kind: TermKind, slug: string, page = 1) => paged([kind, slug], page),
  archive: () => path('archive'),
  month: (year: string, month: string, page = 1) => paged(['archive', year, month], page),
  search: () => path('search'),
  feed: (base = '/', format: FeedFormat = 'rss') => `${base.endsWith('/') ? base : `${base}/`}${feedFiles[format]}`,
};

/**
 * First path segments the site answers itself: its routes (app/), its files (public/), Next's own
 * files and the Node host's. An article's old path (`aliases`) may not start with one, or its redirect
 * would hide a page. `articles` is not here: `/articles/<old-slug>` is the commonest old path, and the
 * loader refuses one that is a current article's URL.
 */
export const servedSegments: ReadonlySet<string> = new Set([
  ...['page', 'tags', 'categories', 'authors', 'series', 'archive', 'search', 'sitemaps', 'api', 'dev-reload'],
  ...['feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'icon.svg'],
  ...['covers', 'og.png', 'pagefind', 'search.js', '_next', 'healthz'],
  // What a static export holds besides its routes.
  ...['404', '404.html', '_not-found', '_headers', '_redirects', 'index.html', 'index.txt'],
]);

export type FeedFormat = 'rss' | 'atom' | 'json';

/** The file name of each feed, under the site and under every term. */
export const feedFiles: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/** The feed a file name names, if any. */
export function feedFormat(file: string): FeedFormat | undefined {
  return (Object.keys(feedFiles) as FeedFormat[]).find((format) => feedFiles[format] === file);
}

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${site.url}/`).toString();
}

/** Host name of an external URL without `www.`, for attributions. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
