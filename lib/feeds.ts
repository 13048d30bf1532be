// Syndication: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and for every tag, category, author
// and series; excerpts, or whole bodies when lib/site.ts says `feedContent: 'full'`.
// Every field comes from untrusted files, so all of it is written through lib/xml.ts: escaped text, no CDATA.
import { type Article, articleBody, getContent, publishedBy } from './content';
import { formatDay, lastModified } from './dates';
import { imageType, resizedImage } from './images';
import { renderFeedBody } from './markdown';
import { type Site, site } from './site';
import { findTerm, taxonomies } from './terms';
import { absoluteUrl, type FeedFormat, type TermKind, urls } from './urls';
import { el, type XmlElement, xmlChars, xmlDocument } from './xml';

export type { FeedFormat } from './urls';

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

/** What all three formats say about the feed. */
interface Channel {
  title: string;
  description: string;
  link: string;
  updated: Date;
  feedUrl: (format: FeedFormat) => string;
}

/** What all three formats say about one article, every URL absolute. */
interface Entry {
  title: string;
  link: string;
  /** Plain text: the excerpt, with the original's address for a republished article, then its corrections. */
  summary: string;
  /** When it last changed: its latest update or correction, or its publication. */
  updated: Date;
  published: Date;
  author: { name: string; link: string };
  tags: { name: string; link: string }[];
  /** Enclosures only for a known type; JSON Feed's `image` needs none. */
  cover?: { url: string; type?: string };
  /** The whole body as HTML, in a full-text feed. */
  content?: string;
}

export type FeedContent = Site['feedContent'];

export function renderFeed(
  { title, description, page, articles }: FeedSpec,
  format: FeedFormat,
  content: FeedContent = site.feedContent,
): string {
  const entries = publishedBy(articles)
    .slice(0, FEED_SIZE)
    .map((article) => ({ ...feedEntry(article), content: content === 'full' ? feedBody(article) : undefined }));
  const channel: Channel = {
    title,
    description,
    link: absoluteUrl(page),
    // The feed changed when its latest entry did, which may be an older article corrected.
    updated: new Date(Math.max(0, ...entries.map((e) => e.updated.getTime()))),
    feedUrl: (f) => absoluteUrl(urls.feed(page, f)),
  };
  if (format === 'json') return jsonFeed(channel, entries);
  if (format === 'atom') return atomFeed(channel, entries);
  return rssFeed(channel, entries);
}

/** The cover is an enclosure only when its type is known: asked of the host as JPEG, or read from the extension. */
function feedEntry(article: Article): Entry {
  const cover = article.coverImage && resizedImage(absoluteUrl(article.coverImage), { ...COVER, jpeg: true });
  return {
    title: article.title,
    link: absoluteUrl(urls.article(article.slug)),
    summary: [
      article.source
        ? `${article.excerpt} (Originally published at ${article.sourceHost}: ${article.source})`
        : article.excerpt,
      ...article.corrections.map((c) => `Correction, ${formatDay(c.date)}: ${c.text}`),
    ]
      .filter(Boolean)
      .join(' '),
    updated: new Date((lastModified(article) ?? article.date).iso),
    published: new Date(article.date.iso),
    author: { name: article.author.name, link: absoluteUrl(urls.term('authors', article.author.slug)) },
    tags: article.tags.map((t) => ({ name: t.name, link: absoluteUrl(urls.term('tags', t.slug)) })),
    cover: cover ? { url: cover, type: imageType(cover) } : undefined,
  };
}

/**
 * Each body is read from its file and rendered for feeds once per process, however many feeds (site,
 * tags, …) carry it.
 */
const bodies = new WeakMap<Article, string>();

function feedBody(article: Article): string {
  let html = bodies.get(article);
  if (html === undefined) {
    // An .mdx body is read as markdown here: its components' markup goes, their text stays.
    html = renderFeedBody(articleBody(article), absoluteUrl(urls.article(article.slug)));
    bodies.set(article, html);
  }
  return html;
}

/** Feed images at the Open Graph size, asked for as JPEG where the host converts, so their type is known. */
const COVER = { width: 1200, height: 600 };

const COPYRIGHT = `© ${site.name}`;

/**
 * RSS descriptions and JSON Feed's `content_html` are HTML to every reader, and our summaries are plain
 * text, so they are escaped as HTML before the format's own escaping.
 */
const asHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT_MODULE = 'http://purl.org/rss/1.0/modules/content/';

/** Authors are names, which RSS's `<author>` (an e-mail address) cannot carry, so they go in `dc:creator`. */
function rssFeed(channel: Channel, entries: Entry[]): string {
  const full = entries.some((e) => e.content);
  const item = (e: Entry): XmlElement =>
    el('item', {}, [
      el('title', {}, e.title),
      el('link', {}, e.link),
      el('guid', { isPermaLink: 'false' }, e.link),
      el('pubDate', {}, e.published.toUTCString()),
      e.summary && el('description', {}, asHtml(e.summary)),
      e.content && el('content:encoded', {}, e.content),
      ...e.tags.map((t) => el('category', { domain: t.link }, t.name)),
      e.cover?.type && el('enclosure', { length: 0, type: e.cover.type, url: e.cover.url }),
      el('dc:creator', {}, e.author.name),
    ]);
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:dc': DUBLIN_CORE,
        'xmlns:atom': ATOM,
        'xmlns:content': full ? CONTENT_MODULE : undefined,
      },
      [
        el('channel', {}, [
          el('title', {}, channel.title),
          el('link', {}, channel.link),
          el('description', {}, channel.description),
          el('lastBuildDate', {}, channel.updated.toUTCString()),
          el('docs', {}, 'https://validator.w3.org/feed/docs/rss2.html'),
          el('generator', {}, site.name),
          el('language', {}, site.language),
          el('copyright', {}, COPYRIGHT),
          el('atom:link', { href: channel.feedUrl('rss'), rel: 'self', type: 'application/rss+xml' }),
          ...entries.map(item),
        ]),
      ],
    ),
  );
}

/** Titles and summaries are Atom's default type, text, so readers show them as written. */
function atomFeed(channel: Channel, entries: Entry[]): string {
  const entry = (e: Entry): XmlElement =>
    el('entry', {}, [
      el('title', {}, e.title),
      el('id', {}, e.link),
      e.cover?.type && el('link', { rel: 'enclosure', href: e.cover.url, type: e.cover.type }),
      el('link', { href: e.link }),
      el('updated', {}, e.updated.toISOString()),
      e.summary && el('summary', {}, e.summary),
      e.content && el('content', { type: 'html' }, e.content),
      el('author', {}, [el('name', {}, e.author.name), el('uri', {}, e.author.link)]),
      // Atom requires `term`; `label` is what readers show.
      ...e.tags.map((t) => el('category', { term: t.name, label: t.name })),
      el('published', {}, e.published.toISOString()),
    ]);
  return xmlDocument(
    el('feed', { xmlns: ATOM }, [
      el('id', {}, channel.link),
      el('title', {}, channel.title),
      el('updated', {}, channel.updated.toISOString()),
      el('generator', {}, site.name),
      el('link', { rel: 'alternate', href: channel.link }),
      el('link', { rel: 'self', href: channel.feedUrl('atom') }),
      el('subtitle', {}, channel.description),
      el('icon', {}, absoluteUrl('/icon.svg')),
      el('rights', {}, COPYRIGHT),
      ...entries.map(entry),
    ]),
  );
}

/** JSON escapes itself; its strings lose only what XML forbids, so all three feeds carry the same text. */
function jsonFeed(channel: Channel, entries: Entry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.feedUrl('json'),
    description: channel.description || undefined,
    items: entries.map((e) => ({
      id: e.link,
      content_html: e.content ?? asHtml(e.summary),
      summary: e.content ? e.summary : undefined,
      url: e.link,
      title: e.title,
      image: e.cover?.url,
      date_modified: e.updated.toISOString(),
      date_published: e.published.toISOString(),
      tags: e.tags.map((t) => t.name),
      authors: [{ name: e.author.name, url: e.author.link }],
    })),
    language: site.language,
  };
  return JSON.stringify(feed, (_, value) => (typeof value === 'string' ? xmlChars(value) : value), 2);
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
