// Syndication: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and for every tag, category and author.
import { Feed, type Item } from 'feed';
import { type Article, getContent, publishedBy } from './content';
import { imageType, resizedImage } from './images';
import { site } from './site';
import { findTerm, taxonomies } from './taxonomy';
import { absoluteUrl, type TermKind, urls } from './urls';

export type FeedFormat = 'rss' | 'atom' | 'json';

const FEED_SIZE = 50;

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

interface FeedSpec {
  title: string;
  description: string;
  /** The HTML page the feed mirrors; its feeds live beside it. */
  page: string;
  articles: Article[];
}

export function renderFeed({ title, description, page, articles }: FeedSpec, format: FeedFormat): string {
  const items = publishedBy(articles).slice(0, FEED_SIZE);
  const feed = new Feed({
    title,
    description,
    id: absoluteUrl(page),
    link: absoluteUrl(page),
    language: site.language,
    favicon: absoluteUrl('/icon.svg'),
    copyright: `© ${site.name}`,
    updated: items[0] ? new Date(items[0].date.iso) : new Date(0),
    generator: site.name,
    feedLinks: {
      rss: absoluteUrl(urls.feed(page, 'rss')),
      atom: absoluteUrl(urls.feed(page, 'atom')),
      json: absoluteUrl(urls.feed(page, 'json')),
    },
  });
  for (const article of items) feed.addItem(feedItem(article, format));
  if (format === 'json') return jsonFeed11(feed.json1());
  if (format === 'atom') return withAtomEnclosures(feed.atom1(), items);
  // Item authors are Dublin Core `dc:creator` elements in RSS, whose namespace the library declares only
  // when items carry full content.
  const rss = feed.rss2();
  return rss.includes('xmlns:dc=')
    ? rss
    : rss.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DUBLIN_CORE}"`);
}

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/**
 * One article as a feed item, with its author where each format wants one: RSS's `<author>` is an
 * e-mail address, so names go in `dc:creator`; Atom has `author/name`; JSON Feed 1.1 `authors`.
 * The cover is an enclosure only when its type is known: asked of the host as JPEG, or read from the
 * file extension; a URL that says neither gets none rather than a made-up type.
 */
function feedItem(article: Article, format: FeedFormat): Item {
  const link = absoluteUrl(urls.article(article.slug));
  const author = { name: article.author.name, link: absoluteUrl(urls.term('authors', article.author.slug)) };
  const { cover, type } = feedImage(article);
  return {
    title: article.title,
    id: link,
    link,
    description: article.source
      ? `${article.excerpt} (Originally published at ${article.sourceHost}: ${article.source})`
      : article.excerpt,
    date: new Date((article.updated ?? article.date).iso),
    published: new Date(article.date.iso),
    ...(format === 'rss'
      ? { extensions: [{ name: 'dc:creator', objects: { _text: author.name } }] }
      : { author: [author] }),
    category: article.tags.map((t) => ({ name: t.name, domain: absoluteUrl(urls.term('tags', t.slug)) })),
    image: format === 'json' ? cover : format === 'rss' && cover && type ? { url: cover, type, length: 0 } : undefined,
  };
}

/** Feed images at the Open Graph size, asked for as JPEG where the host converts, so their type is known. */
function feedImage(article: Article) {
  const cover = article.coverImage && resizedImage(absoluteUrl(article.coverImage), { ...COVER, jpeg: true });
  return { cover, type: cover ? imageType(cover) : undefined };
}

const COVER = { width: 1200, height: 600 };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The library types an Atom enclosure by the last dot of its URL (`image//photo-123` for an Unsplash
 * cover) and takes no type of ours, so Atom enclosures are added here, after each entry's id.
 */
function withAtomEnclosures(atom: string, items: Article[]): string {
  let out = atom;
  for (const article of items) {
    const { cover, type } = feedImage(article);
    if (!cover || !type) continue;
    const id = `<id>${escapeXml(absoluteUrl(urls.article(article.slug)))}</id>`;
    out = out.replace(id, `${id}\n        <link rel="enclosure" href="${escapeXml(cover)}" type="${type}"/>`);
  }
  return out;
}

/** The `feed` library writes JSON Feed 1; version 1.1 names authors in a list and states the language. */
function jsonFeed11(json: string): string {
  const data = JSON.parse(json) as { items?: { author?: unknown; authors?: unknown[] }[] } & Record<string, unknown>;
  data.version = 'https://jsonfeed.org/version/1.1';
  data.language = site.language;
  for (const item of data.items ?? []) {
    if (item.author) item.authors = [item.author];
    delete item.author;
  }
  return JSON.stringify(data, null, 2);
}

function respond(body: string, format: FeedFormat): Response {
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
}

export function siteFeed(format: FeedFormat): Response {
  const spec = { title: site.name, description: site.description, page: '/', articles: getContent().articles };
  return respond(renderFeed(spec, format), format);
}

export function termFeed(kind: TermKind, segment: string, format: FeedFormat): Response {
  const term = findTerm(kind, segment);
  if (!term) return new Response('Not found', { status: 404 });
  const noun = taxonomies[kind].noun.toLowerCase();
  const spec = {
    title: `${site.name}: ${term.name}`,
    description: `Articles under the ${noun} ${term.name}`,
    page: urls.term(kind, term.slug),
    articles: getContent()[kind].articles.get(term.slug) ?? [],
  };
  return respond(renderFeed(spec, format), format);
}
