import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Article, getContent } from '@/lib/content';
import { type FeedFormat, renderFeed } from '@/lib/feeds';
import { articleJsonLd } from '@/lib/metadata';
import { absoluteUrl } from '@/lib/urls';
import { el, escapeXml, xmlDocument } from '@/lib/xml';
import { hasFeedparser } from './feedparser';

const original = process.env.CONTENT_DIR;
beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, '../fixtures/site');
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

const feed = (format: FeedFormat) =>
  renderFeed({ title: 'Inkwell', description: 'All articles', page: '/', articles: getContent().articles }, format);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const IMAGE_TYPES = /^image\/(jpeg|png|gif|webp|avif|svg\+xml)$/;

describe('feeds', () => {
  it('names RSS authors in dc:creator, never in <author>', () => {
    const rss = feed('rss');
    expect(rss).toMatch(/<rss version="2.0" xmlns:dc="http:\/\/purl.org\/dc\/elements\/1.1\/"/);
    expect(rss).not.toMatch(/<author>/);
    const items = xml.parse(rss).rss.channel.item;
    expect(items.every((item: Record<string, unknown>) => item['dc:creator'])).toBe(true);
  });

  it('gives enclosures a real image type, and none to a cover whose URL does not say its type', () => {
    const items = xml.parse(feed('rss')).rss.channel.item as { title: string; enclosure?: Record<string, string> }[];
    const enclosures = items.flatMap((item) => (item.enclosure ? [item.enclosure] : []));
    expect(enclosures.length).toBeGreaterThanOrEqual(2);
    for (const enclosure of enclosures) expect(enclosure['@type']).toMatch(IMAGE_TYPES);
    const unsplash = enclosures.find((e) => e['@url'].includes('unsplash'));
    expect(unsplash?.['@type']).toBe('image/jpeg');
    expect(new URL(unsplash?.['@url'] ?? '').searchParams.get('w')).toBe('1200');
    expect(enclosures.some((e) => e['@url'].includes('cdn.example.org'))).toBe(false);
    const atom = xml.parse(feed('atom')).feed.entry as { link: Record<string, string> | Record<string, string>[] }[];
    const atomEnclosures = atom.flatMap((e) => e.link).filter((link) => link['@rel'] === 'enclosure');
    expect(atomEnclosures.map((link) => link['@href'])).toEqual(enclosures.map((e) => e['@url']));
    for (const link of atomEnclosures) expect(link['@type']).toMatch(IMAGE_TYPES);
  });

  it('names Atom authors in author/name and JSON Feed 1.1 authors in `authors` only', () => {
    const entries = xml.parse(feed('atom')).feed.entry as { author: { name: string } }[];
    expect(entries.every((e) => e.author.name)).toBe(true);
    const json = JSON.parse(feed('json'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    for (const item of json.items) {
      expect(item.author).toBeUndefined();
      expect(item.authors[0].name).toBeTruthy();
    }
  });
});

describe('JSON-LD', () => {
  it('cuts a headline longer than 110 characters at a word, keeping the title whole elsewhere', () => {
    const article = getContent().articles[0];
    const title = `${'A long headline about open models and the chips they run on, '.repeat(3)}end`;
    const headline = String(articleJsonLd({ ...article, title }).headline);
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toMatch(/\S…$/);
    expect(title.startsWith(headline.slice(0, -1))).toBe(true);
    expect(title.charAt(headline.length - 1)).toBe(' ');
    expect(articleJsonLd(article).headline).toBe(article.title);
  });
});

// Untrusted text as import pipelines deliver it: CDATA breakouts, markup, entities, quotes, characters XML
// cannot carry, and one very long string.
const HOSTILE = [
  ']]>]]>]]>',
  ']]><item><title>x</title></item><![CDATA[',
  '</title><link>https://evil.example/</link>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
  '</entry><entry><id>urn:evil</id><link href="https://evil.example/"/></entry>',
  `Q&A: "double" and 'single' quotes, & an ampersand`,
  'control\u0001 \u0008 \u001F noncharacter\uFFFE\uFFFF lone\uD800 \uDC00 surrogates, kept: \t😀 ü',
  `${']]>]]><item>&\u0001"\''.repeat(20_000)}end`,
];

/** What XML 1.0 can carry, written independently of lib/xml.ts. */
const legal = (c: string) => {
  const n = c.codePointAt(0) ?? 0;
  return (
    n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || n > 0xffff
  );
};
const clean = (text: string) => [...text].filter(legal).join('');
/** XML parsers turn tabs and line breaks in attribute values into spaces. */
const asAttribute = (text: string) => clean(text).replace(/[\t\n\r]/g, ' ');
const fromHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const COVER_URL = `https://images.example.net/cover.png?q="><x:y>&a='b']]>`;

function hostileArticles(): Article[] {
  const base = getContent().articles.find((a) => !a.source) ?? getContent().articles[0];
  return HOSTILE.map((text, i) => ({
    ...base,
    slug: `hostile-${i}`,
    title: text,
    excerpt: text,
    date: { ...base.date, iso: `2026-01-${String(20 - i).padStart(2, '0')}T00:00:00.000Z` },
    updated: undefined,
    author: { key: `author-${i}`, slug: `author-${i}`, name: text },
    tags: [
      { key: `tag-${i}`, slug: `tag-${i}`, name: text },
      { key: 'plain', slug: 'plain', name: 'Plain' },
    ],
    coverImage: i === 0 ? COVER_URL : undefined,
    source: i === 1 ? `https://evil.example/${text}?q="x"&y=<z>` : undefined,
    sourceHost: i === 1 ? 'evil.example' : undefined,
  }));
}

const rendered = new Map<FeedFormat, string>();
const hostileFeed = (format: FeedFormat) => {
  const spec = { title: HOSTILE[1], description: HOSTILE[6], page: '/tags/x', articles: hostileArticles() };
  if (!rendered.has(format)) rendered.set(format, renderFeed(spec, format));
  return rendered.get(format) ?? '';
};

const strict = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

/** Every element and attribute name in a parsed document. */
function names(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) names(child, found);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '#text') continue;
      found.add(key);
      names(value, found);
    }
  return found;
}

const RSS_NAMES = [
  ...['?xml', '@version', '@encoding', 'rss', '@xmlns:dc', '@xmlns:atom', 'channel', 'title', 'link', 'description'],
  ...['lastBuildDate', 'docs', 'generator', 'language', 'copyright', 'atom:link', '@href', '@rel', '@type', 'item'],
  ...['guid', '@isPermaLink', 'pubDate', 'category', '@domain', 'enclosure', '@length', '@url', 'dc:creator'],
];
const ATOM_NAMES = [
  ...['?xml', '@version', '@encoding', 'feed', '@xmlns', 'id', 'title', 'updated', 'generator', 'link', '@rel'],
  ...['@href', '@type', 'subtitle', 'icon', 'rights', 'entry', 'summary', 'author', 'name', 'uri', 'category'],
  ...['@term', '@label', 'published'],
];

type Attributes = Record<string, string>;
interface RssItem {
  title: string;
  link: string[];
  guid: Attributes;
  description: string;
  'dc:creator': string;
  category: Attributes[];
  enclosure?: Attributes;
}
interface AtomEntry {
  id: string;
  title: string;
  link: Attributes[];
  summary: string;
  author: { name: string; uri: string };
  category: Attributes[];
}
interface JsonItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  authors: { name: string; url: string }[];
  tags: string[];
  image?: string;
}
/** What the Python script prints of each feedparser entry. */
interface ParsedEntry {
  link: string;
  title: string;
  author: string;
  tags: string[];
}

const expectedLinks = () => HOSTILE.map((_, i) => absoluteUrl(`/articles/hostile-${i}`));
const expectedSummary = (i: number) =>
  clean(i === 1 ? `${HOSTILE[1]} (Originally published at evil.example: ${hostileArticles()[1].source})` : HOSTILE[i]);
const expectedCover = new URL(COVER_URL).href;

describe('feeds from hostile files', () => {
  it.each(['rss', 'atom'] as const)('%s is well-formed XML with no CDATA and only legal characters', (format) => {
    const out = hostileFeed(format);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('<![CDATA[');
    expect([...out].every(legal)).toBe(true);
  });

  it('RSS carries exactly its items, every hostile field back as text', () => {
    const doc = strict.parse(hostileFeed('rss'));
    expect([...names(doc)].sort()).toEqual([...new Set(RSS_NAMES)].sort());
    const { channel } = doc.rss;
    expect(channel.title).toBe(HOSTILE[1]);
    expect(channel.description).toBe(clean(HOSTILE[6]));
    expect(channel.link).toEqual([absoluteUrl('/tags/x')]);
    const items: RssItem[] = channel.item;
    expect(items.map((item) => item.link[0])).toEqual(expectedLinks());
    items.forEach((item, i) => {
      expect(item.title).toBe(clean(HOSTILE[i]));
      expect(item.guid['#text']).toBe(expectedLinks()[i]);
      expect(fromHtml(item.description)).toBe(expectedSummary(i));
      expect(item['dc:creator']).toBe(clean(HOSTILE[i]));
      expect(item.category.map((c) => [c['#text'], c['@domain']])).toEqual([
        [clean(HOSTILE[i]), absoluteUrl(`/tags/tag-${i}`)],
        ['Plain', absoluteUrl('/tags/plain')],
      ]);
    });
    expect(items[0].enclosure).toEqual({ '@length': '0', '@type': 'image/png', '@url': expectedCover });
    expect(items.slice(1).some((item) => item.enclosure)).toBe(false);
  });

  it('Atom carries exactly its entries, every hostile field back as text', () => {
    const doc = strict.parse(hostileFeed('atom'));
    expect([...names(doc)].sort()).toEqual([...new Set(ATOM_NAMES)].sort());
    const { feed: atom } = doc;
    expect(atom.title).toBe(HOSTILE[1]);
    expect(atom.subtitle).toBe(clean(HOSTILE[6]));
    const entries: AtomEntry[] = atom.entry;
    expect(entries.map((e) => e.id)).toEqual(expectedLinks());
    entries.forEach((e, i) => {
      const alternate = e.link.filter((link) => !link['@rel']);
      expect(alternate).toEqual([{ '@href': expectedLinks()[i] }]);
      expect(e.title).toBe(clean(HOSTILE[i]));
      expect(e.summary).toBe(expectedSummary(i));
      expect(e.author).toEqual({ name: clean(HOSTILE[i]), uri: absoluteUrl(`/authors/author-${i}`) });
      expect(e.category.map((c) => c['@label'])).toEqual([clean(HOSTILE[i]), 'Plain']);
      expect(e.category.every((c) => c['@term'] === c['@label'])).toBe(true);
    });
    expect(entries[0].link).toContainEqual({ '@rel': 'enclosure', '@href': expectedCover, '@type': 'image/png' });
  });

  it('JSON Feed carries the same text, without what XML forbids', () => {
    const out = hostileFeed('json');
    expect(out).not.toMatch(/\\u(d[89a-f][0-9a-f]{2}|fff[ef]|00(0[0-8bcef]|1[0-9a-f]))/i);
    expect([...out].every(legal)).toBe(true);
    const json = JSON.parse(out);
    expect(json.title).toBe(HOSTILE[1]);
    expect(json.description).toBe(clean(HOSTILE[6]));
    const items: JsonItem[] = json.items;
    expect(items.map((item) => item.url)).toEqual(expectedLinks());
    items.forEach((item, i) => {
      expect(item.id).toBe(expectedLinks()[i]);
      expect(item.title).toBe(clean(HOSTILE[i]));
      expect(fromHtml(item.content_html)).toBe(expectedSummary(i));
      expect(item.authors).toEqual([{ name: clean(HOSTILE[i]), url: absoluteUrl(`/authors/author-${i}`) }]);
      expect(item.tags).toEqual([clean(HOSTILE[i]), 'Plain']);
    });
    expect(items[0].image).toBe(expectedCover);
  });

  it.skipIf(!hasFeedparser)('feedparser reads both XML feeds without complaint, as written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-feeds-'));
    try {
      for (const format of ['rss', 'atom'] as const) writeFileSync(path.join(dir, format), hostileFeed(format));
      const script = [
        'import feedparser, json, sys, os',
        'out = {}',
        'for name in ("rss", "atom"):',
        '    d = feedparser.parse(os.path.join(sys.argv[1], name))',
        '    out[name] = {"bozo": int(d.bozo), "version": d.version, "title": d.feed.get("title"),',
        '        "entries": [{"link": e.get("link"), "title": e.get("title"), "author": e.get("author"),',
        '                     "tags": [t.get("label") or t.get("term") for t in e.get("tags", [])]} for e in d.entries]}',
        'print(json.dumps(out))',
      ].join('\n');
      const result = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 26 }),
      );
      expect(result.rss.version).toBe('rss20');
      expect(result.atom.version).toBe('atom10');
      for (const format of ['rss', 'atom']) {
        const { bozo, title, entries }: { bozo: number; title: string; entries: ParsedEntry[] } = result[format];
        expect(bozo).toBe(0);
        expect(title).toBe(HOSTILE[1]);
        expect(entries.map((e) => e.link)).toEqual(expectedLinks());
        entries.forEach((e, i) => {
          expect(e.title).toBe(clean(HOSTILE[i]));
          expect(e.author).toBe(clean(HOSTILE[i]));
          const tag = format === 'atom' ? asAttribute(HOSTILE[i]) : clean(HOSTILE[i]);
          expect(e.tags).toEqual([tag, 'Plain']);
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('XML escaping', () => {
  it('writes what the sitemap always wrote for legal text, and drops what XML forbids', () => {
    const before = (s: string) =>
      s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
    for (const text of HOSTILE.map(clean)) expect(escapeXml(text)).toBe(before(text));
    expect(escapeXml('a\u0000b\u000Bc\uFFFFd\uDBFF')).toBe('abcd');
    expect(escapeXml('😀\uD83D\uDE00')).toBe('😀😀');
  });

  it('refuses element and attribute names that are not XML names', () => {
    expect(() => xmlDocument(el('a b'))).toThrow();
    expect(() => xmlDocument(el('a', { 'x="1" y': '2' }))).toThrow();
    expect(xmlDocument(el('a', { b: undefined, c: 1 }, [el('d', {}, '<&>'), false]))).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<a c="1">\n    <d>&lt;&amp;&gt;</d>\n</a>',
    );
  });
});
