import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPath, lookUp, segmentValues } from '@/lib/server/segments.mjs';
import { slugify, urls } from '@/lib/urls';

const slugs = new Map(['brief-07', 'künstliche-intelligenz', '机器学习', 'c-plus-plus', 'a+b'].map((s) => [s, s]));

describe('the one spelling of a route segment', () => {
  it('finds a value by itself (build time) or by the encoding lib/urls.ts gives it (requests)', () => {
    for (const slug of slugs.keys()) {
      expect(lookUp(slugs, slug)).toBe(slug);
      expect(lookUp(slugs, encodeURIComponent(slug))).toBe(slug);
      expect(lookUp(slugs, urls.article(slug).split('/').pop() ?? '')).toBe(slug);
    }
  });

  it('finds nothing under any other spelling', () => {
    for (const segment of [
      '%62rief-07', // an escaped letter
      'Brief-07', // upper case
      'BRIEF-07',
      'k%c3%bcnstliche-intelligenz', // lower-case hex
      'k%25C3%25BCnstliche-intelligenz', // double encoding
      'ku%CC%88nstliche-intelligenz', // NFD
      'künstliche-intelligenz'.normalize('NFD'),
      '%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0%20',
      'brief-07%00',
      'brief-07.html', // trailing junk
      'brief-07 ',
      ' brief-07',
      '%E0%A4%A', // broken encoding
      '%zz',
      '',
    ]) {
      expect(lookUp(slugs, segment), segment).toBeUndefined();
    }
  });

  it('names a value at most twice: as itself and as its one encoding', () => {
    expect(segmentValues('brief-07')).toEqual(['brief-07']);
    expect(segmentValues('k%C3%BCnstliche')).toEqual(['k%C3%BCnstliche', 'künstliche']);
    expect(segmentValues('k%c3%bcnstliche')).toEqual(['k%c3%bcnstliche']);
    expect(segmentValues('%zz')).toEqual(['%zz']);
  });

  it('finds every term slug by its URL segment, and by no other spelling of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        const slug = slugify(name);
        fc.pre(slug.length > 0);
        const map = new Map([[slug, slug]]);
        const segment = encodeURIComponent(slug);
        expect(lookUp(map, segment)).toBe(slug);
        for (const other of [
          encodeURIComponent(segment),
          segment.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
          encodeURIComponent(slug.normalize('NFD')),
          segment.replace(/^[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
        ]) {
          if (other !== segment && other !== slug) expect(lookUp(map, other), other).toBeUndefined();
        }
      }),
    );
  });
});

describe('the one spelling of a request path', () => {
  it('leaves every path lib/urls.ts builds as it is', () => {
    for (const path of [
      '/',
      urls.article('brief-07'),
      urls.term('tags', 'künstliche-intelligenz', 2),
      urls.term('categories', '机器学习'),
      urls.month('2026', '04', 3),
      urls.home(2),
      urls.feed(urls.term('authors', 'zoë-lindqvist'), 'atom'),
      urls.article('a+b'),
      '/sitemaps/1.xml',
      '/pagefind/pagefind-entry.json',
      '/_next/static/chunks/%5Broot-of-the-server%5D__0yrt6l._.css',
      '/tags/ai/', // the trailing slash is Next's to redirect
      '//x',
    ]) {
      expect(canonicalPath(path), path).toBe(path);
    }
  });

  it('spells out what needs no escape and escapes what does, in upper-case hex', () => {
    expect(canonicalPath('/articles/%62rief-07')).toBe('/articles/brief-07');
    expect(canonicalPath('/tags/k%c3%bcnstliche-intelligenz')).toBe('/tags/k%C3%BCnstliche-intelligenz');
    expect(canonicalPath('/articles/a+b')).toBe('/articles/a%2Bb');
    expect(canonicalPath('/sitemaps/+1.xml')).toBe('/sitemaps/%2B1.xml');
    expect(canonicalPath('/articles/brief-07;x')).toBe('/articles/brief-07%3Bx');
    expect(canonicalPath('/%7Eme')).toBe('/~me');
  });

  it('keeps double encoding and other normalisations as the different paths they are', () => {
    expect(canonicalPath('/tags/k%25C3%25BCnstliche')).toBe('/tags/k%25C3%25BCnstliche');
    expect(canonicalPath('/tags/ku%CC%88nstliche')).toBe('/tags/ku%CC%88nstliche');
  });

  it('refuses a path that can name nothing', () => {
    for (const path of [
      '/%zz',
      '/articles/%E0%A4%A',
      '/articles/%C3%28', // not UTF-8
      '/articles/%ED%A0%80', // a lone surrogate
      '/%00',
      '/articles/brief-07%00',
      '/articles/a%0Ab',
      '/articles/a%7Fb',
      '/..',
      '/pagefind/../package.json',
      '/pagefind/%2e%2e/package.json',
      '/pagefind/.%2E/package.json',
      '/pagefind/./pagefind.js',
      '/articles/brief-07%2Fx',
      '/pagefind/..%2F..%2Fpackage.json',
    ]) {
      expect(canonicalPath(path), path).toBeUndefined();
    }
  });

  it('is idempotent: the canonical spelling of a canonical path is itself', () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        const canonical = canonicalPath(path);
        if (canonical !== undefined) expect(canonicalPath(canonical)).toBe(canonical);
      }),
    );
  });
});
