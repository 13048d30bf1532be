// Full-text feeds (`feedContent: 'full'` in lib/site.ts): every body, sanitised, with absolute URLs.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content';
import { type FeedFormat, renderFeed } from '@/lib/feeds';
import { renderFeedBody } from '@/lib/markdown';
import { site } from '@/lib/site';
import { hasFeedparser } from './feedparser';
import { unsafeParts } from './safe-html';

const { index } = loadContent(path.resolve(__dirname, '../fixtures/site'));
const spec = { title: 'Inkwell', description: 'All articles', page: '/', articles: index.articles };
const full = (format: FeedFormat) => renderFeed(spec, format, 'full');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Every URL an HTML fragment links to or loads. */
const urlsIn = (html: string) =>
  parse(html)
    .querySelectorAll('[href], [src]')
    .flatMap((node) => [node.getAttribute('href'), node.getAttribute('src')].filter((u): u is string => Boolean(u)));

describe('full-text feeds', () => {
  it('are off by default: feeds carry excerpts', () => {
    expect(site.feedContent).toBe('excerpt');
    expect(renderFeed(spec, 'rss')).not.toContain('content:encoded>');
  });

  it('carry each body in RSS content:encoded, Atom content and JSON Feed content_html, sanitised', () => {
    const items = xml.parse(full('rss')).rss.channel.item as Record<string, string>[];
    const entries = xml.parse(full('atom')).feed.entry as { content: { '#text': string; '@type': string } }[];
    const json = JSON.parse(full('json')).items as { content_html: string; summary: string }[];
    expect(items).toHaveLength(Math.min(50, index.articles.length));
    for (const [i, item] of items.entries()) {
      const html = item['content:encoded'];
      expect(html.length).toBeGreaterThan(0);
      expect(unsafeParts(html)).toEqual([]);
      expect(entries[i].content['@type']).toBe('html');
      expect(entries[i].content['#text']).toBe(html);
      expect(json[i].content_html).toBe(html);
      expect(json[i].summary).toBeTruthy();
    }
    for (const format of ['rss', 'atom'] as const) expect(XMLValidator.validate(full(format))).toBe(true);
  });

  it('make every link and image absolute, since a reader shows them away from the site', () => {
    const html = renderFeedBody(
      '[home](/) [section](#why) [other](../articles/x) ![cover](/covers/a.svg) [out](https://example.org/a)',
      `${site.url}/articles/here`,
    );
    expect(urlsIn(html)).toEqual([
      `${site.url}/`,
      `${site.url}/articles/here#why`,
      `${site.url}/articles/x`,
      `${site.url}/covers/a.svg`,
      'https://example.org/a',
    ]);
    for (const item of xml.parse(full('rss')).rss.channel.item as Record<string, string>[]) {
      for (const url of urlsIn(item['content:encoded'])) expect(url).toMatch(/^(https?:|mailto:)/);
    }
  });

  it('keep hostile bodies inert: no script, handler or javascript: URL survives', () => {
    const html = renderFeedBody(
      '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
      `${site.url}/articles/h`,
    );
    expect(unsafeParts(html)).toEqual([]);
    expect(html).not.toContain('javascript:');
  });

  it.skipIf(!hasFeedparser)('are read by feedparser without complaint, content and all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-full-feeds-'));
    try {
      for (const format of ['rss', 'atom'] as const) writeFileSync(path.join(dir, format), full(format));
      const script = [
        'import feedparser, json, sys, os',
        'out = {}',
        'for name in ("rss", "atom"):',
        '    d = feedparser.parse(os.path.join(sys.argv[1], name))',
        '    out[name] = {"bozo": int(d.bozo), "contents": [len(e.get("content", [{}])[0].get("value", "")) for e in d.entries]}',
        'print(json.dumps(out))',
      ].join('\n');
      const result = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8' }));
      for (const format of ['rss', 'atom']) {
        expect(result[format].bozo).toBe(0);
        expect(result[format].contents.every((n: number) => n > 0)).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
