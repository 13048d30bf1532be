import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContent } from '@/lib/content';
import { type FeedFormat, renderFeed } from '@/lib/feeds';
import { articleJsonLd } from '@/lib/metadata';

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
