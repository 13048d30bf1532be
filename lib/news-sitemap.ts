// The Google News sitemap (/news-sitemap.xml): the articles published in the last two days, at most
// 1,000, with the publication's name and language, as Google News reads them
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). "The last two
// days" are counted from when the file is made: the build for a static export, the render on the
// Node host, which makes it again whenever the articles in the window change (app/api/content).
import { type Article, getContent, publishedBy } from './content';
import { site } from './site';
import { absoluteUrl, urls } from './urls';
import { el, xmlDocument } from './xml';

export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_LIMIT = 1000;

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Published within the window before `now`, newest first, at most NEWS_LIMIT. */
export function newsArticles(articles: Article[], now = new Date()): Article[] {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  // Newest first: the ones in the window are a prefix of what is published by now.
  const published = publishedBy(articles, now);
  const fresh: Article[] = [];
  for (const article of published) {
    if (article.date.iso < since || fresh.length === NEWS_LIMIT) break;
    fresh.push(article);
  }
  return fresh;
}

export function newsSitemapXml(articles: Article[], now = new Date()): string {
  const entries = newsArticles(articles, now).map((article) =>
    el('url', {}, [
      el('loc', {}, absoluteUrl(urls.article(article.slug))),
      el('news:news', {}, [
        el('news:publication', {}, [el('news:name', {}, site.name), el('news:language', {}, site.language)]),
        el('news:publication_date', {}, article.date.iso),
        el('news:title', {}, article.title),
      ]),
    ]),
  );
  return xmlDocument(el('urlset', { xmlns: SITEMAP, 'xmlns:news': NEWS }, entries));
}

/** What the window holds now, as one string: when it changes, the Node host makes the file again. */
export function newsWindowKey(now = new Date()): string {
  return newsArticles(getContent().articles, now)
    .map((a) => a.slug)
    .join('\n');
}
