// What lib/server/next-internals.mjs reads of Next, checked on output captured from the pinned version
// (scripts/capture-next-output.mjs writes tests/fixtures/next/).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheEntry,
  EVERYTHING_TAG,
  NextInternalsError,
  nextCacheModules,
  nextVersion,
  plainPage,
  routeCacheKey,
} from '@/lib/server/next-internals.mjs';
import { themeScript } from '@/lib/server/theme-script.mjs';

const fixtures = path.resolve(__dirname, '../fixtures/next');
/** Next's own list of cache entry kinds, as this version defines it at run time. */
const { CachedRouteKind } = createRequire(import.meta.url)('next/dist/server/response-cache/types.js') as {
  CachedRouteKind: Record<string, string>;
};
const captured = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const scripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

describe('the captured output', () => {
  it('was captured from the Next version package.json pins (else run scripts/capture-next-output.mjs)', () => {
    expect(captured('VERSION').trim()).toBe(nextVersion);
  });
});

describe('plainPage', () => {
  for (const name of ['home.html', 'article.html', 'not-found.html']) {
    it(`makes ${name} as Next rendered it a page with no runtime, keeping the document`, () => {
      const html = captured(name);
      expect(html).toContain('self.__next_f');
      expect(html).toMatch(/<script\b[^>]*src="\/_next\//);
      const plain = plainPage(html);
      expect(plain).not.toContain('self.__next_f');
      expect(plain).not.toMatch(/<script\b[^>]*src=/);
      expect(plain).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
      expect(plain).not.toMatch(/rel="(preload|modulepreload)"[^>]*as="script"/);
      expect(plain).not.toContain('<div hidden=""><!--$--><!--/$--></div>');
      // What is left to run is the theme script, and data that does not run.
      for (const [, attributes, body] of scripts(plain)) {
        if (/type="application\/ld\+json"/.test(attributes)) continue;
        expect(body).toBe(themeScript);
      }
      // The document itself is all there: head, title, stylesheet and body text.
      for (const part of ['<!DOCTYPE html>', '<title>', 'rel="stylesheet"', '</main>', '</html>']) {
        expect(plain).toContain(part);
      }
      expect(plain.length).toBeLessThan(html.length * 0.8);
      // The Node host serves prerendered pages postbuild made plain: they stay as they are, but a
      // page just rendered must have had what a page from this Next version has.
      expect(plainPage(plain)).toBe(plain);
      expect(() => plainPage(plain, { fresh: true })).toThrow(NextInternalsError);
    });
  }

  it('leaves an empty body (a HEAD request) alone', () => {
    expect(plainPage('')).toBe('');
  });

  it('stops on a page without the payload it knows: Next renders pages another way now', () => {
    const html = captured('article.html').replace(/self\.__next_f/g, 'self.__next_g');
    expect(() => plainPage(html)).toThrow(NextInternalsError);
    expect(() => plainPage(html)).toThrow(`Next.js ${nextVersion} rendered a page without the inline payload`);
  });

  it('stops when the runtime scripts are not where it knows them: they would be left to run', () => {
    const html = captured('article.html').replaceAll('src="/_next/', 'src="/_framework/');
    expect(() => plainPage(html)).toThrow(
      `Next.js ${nextVersion} rendered a page without its runtime scripts under /_next/`,
    );
  });

  it("keeps the site's own scripts", () => {
    const html = captured('article.html').replace('</body>', '<script src="/search.js" type="module"></script></body>');
    expect(plainPage(html)).toContain('<script src="/search.js" type="module"></script>');
  });

  it('cannot be stopped by an article: text that reads like Next markup is not markup', () => {
    const html = captured('article.html').replace(
      '</main>',
      '<p>self.__next_f.push &lt;script src="/_next/x.js"&gt;</p></main>',
    );
    expect(plainPage(html)).toContain('<p>self.__next_f.push &lt;script src="/_next/x.js"&gt;</p>');
  });
});

describe('the page cache', () => {
  it("knows every kind of entry Next hands a cache handler, and Next's entries as this version makes them", () => {
    for (const kind of Object.values(CachedRouteKind)) expect(cacheEntry({ kind }).kind).toBe(kind);
    const page = JSON.parse(captured('home.meta'));
    expect(cacheEntry({ kind: 'APP_PAGE', html: '', ...page })).toMatchObject({ kind: 'APP_PAGE', notFound: false });
    expect(cacheEntry({ kind: 'APP_PAGE', status: 404 }).notFound).toBe(true);
    const feed = JSON.parse(captured('feed.meta'));
    const { headerTags } = cacheEntry({ kind: 'APP_ROUTE', body: Buffer.from(''), ...feed });
    expect(headerTags).toContain(EVERYTHING_TAG);
    expect(page.headers['x-next-cache-tags'].split(',')).toContain(EVERYTHING_TAG);
    expect(cacheEntry(null)).toEqual({ notFound: false, headerTags: [] });
  });

  it('stops on an entry of a kind it does not know', () => {
    expect(() => cacheEntry({ kind: 'APP_SEGMENT' })).toThrow(
      `Next.js ${nextVersion} handed the page cache an entry of unknown kind "APP_SEGMENT"`,
    );
    expect(() => cacheEntry({ html: '' })).toThrow(NextInternalsError);
  });

  it("reads a prerendered page's route key from its .meta file, as this version writes it", () => {
    const app = mkdtempSync(path.join(tmpdir(), 'inkwell-meta-'));
    writeFileSync(path.join(app, 'index.meta'), captured('home.meta'));
    const key = routeCacheKey(app, 'index');
    expect(key).toBe(JSON.parse(captured('home.meta')).routeCache.key);
    expect(routeCacheKey(app, 'feed.xml')).toBe('feed.xml');
    writeFileSync(path.join(app, 'odd.meta'), '{"status":200}');
    expect(() => routeCacheKey(app, 'odd')).toThrow(/wrote odd\.meta without a routeCache key/);
  });

  it("finds Next's own cache modules where it expects them", async () => {
    const { FileSystemCache, lifetimes } = await nextCacheModules();
    expect(typeof FileSystemCache.prototype.set).toBe('function');
    expect(lifetimes).toBeInstanceOf(Map);
  });
});
