// The sitemap: every published article and every list page, split into an index past 50,000 URLs.
import { getContent } from './content';
import { lastModified } from './dates';
import { pageCount } from './paginate';
import { site } from './site';
import { termKinds } from './terms';
import { absoluteUrl, urls } from './urls';
import { escapeXml } from './xml';

export const SITEMAP_LIMIT = 50_000;

interface Entry {
  loc: string;
  lastmod?: string;
}

function paged(count: number, href: (page: number) => string, lastmod?: string): Entry[] {
  return Array.from({ length: pageCount(count, site.pageSize) }, (_, i) => ({ loc: href(i + 1), lastmod }));
}

export function sitemapEntries(): Entry[] {
  const content = getContent();
  const newest = content.articles[0]?.date.day;
  const entries: Entry[] = [
    ...paged(content.articles.length, urls.home, newest),
    { loc: urls.archive(), lastmod: newest },
    ...termKinds.flatMap((kind) => [
      { loc: urls.termIndex(kind), lastmod: newest },
      ...content[kind].terms.flatMap((term) => {
        const list = content[kind].articles.get(term.slug) ?? [];
        return paged(list.length, (n) => urls.term(kind, term.slug, n), list[0]?.date.day);
      }),
    ]),
    ...[...content.months].flatMap(([month, list]) => {
      const [y, m] = month.split('-');
      return paged(list.length, (n) => urls.month(y, m, n), list[0]?.date.day);
    }),
    ...content.articles.map((a) => ({ loc: urls.article(a.slug), lastmod: (lastModified(a) ?? a.date).day })),
  ];
  return entries.map((e) => ({ ...e, loc: absoluteUrl(e.loc) }));
}

export function sitemapChunks(): number {
  return Math.max(1, Math.ceil(sitemapEntries().length / SITEMAP_LIMIT));
}

export function urlset(entries: Entry[]): string {
  const rows = entries.map(
    (e) => `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`;
}

/** `/sitemap.xml`: the whole urlset, or an index of `/sitemaps/<n>.xml` once past the limit. */
export function sitemapXml(): string {
  const entries = sitemapEntries();
  if (entries.length <= SITEMAP_LIMIT) return urlset(entries);
  const rows = Array.from(
    { length: sitemapChunks() },
    (_, i) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${i + 1}.xml`))}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</sitemapindex>\n`;
}

export function sitemapChunkXml(n: number): string | undefined {
  const entries = sitemapEntries().slice((n - 1) * SITEMAP_LIMIT, n * SITEMAP_LIMIT);
  return entries.length > 0 ? urlset(entries) : undefined;
}
