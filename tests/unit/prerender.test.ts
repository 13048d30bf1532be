import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateStaticParams as articleParams } from '@/app/articles/[slug]/page';
import { getContent } from '@/lib/content';
import { homeParams, monthPageParams, monthParams, termPageParams } from '@/lib/list-views';
import { longTail, prerenderNewest } from '@/lib/prerender';
import { termParams } from '@/lib/terms';

const original = process.env.CONTENT_DIR;
afterEach(() => {
  process.env.CONTENT_DIR = original;
  vi.unstubAllEnvs();
});

describe('what a build prerenders', () => {
  it('reads PRERENDER_NEWEST: 1000 by default, a count, or all; the export always renders everything', () => {
    expect(prerenderNewest({})).toBe(1000);
    expect(prerenderNewest({ PRERENDER_NEWEST: ' 25 ' })).toBe(25);
    expect(prerenderNewest({ PRERENDER_NEWEST: '0' })).toBe(0);
    expect(prerenderNewest({ PRERENDER_NEWEST: 'all' })).toBe(Number.POSITIVE_INFINITY);
    expect(prerenderNewest({ PRERENDER_NEWEST: 'ALL' })).toBe(Number.POSITIVE_INFINITY);
    expect(prerenderNewest({ PRERENDER_NEWEST: '5', STATIC_EXPORT: '1' })).toBe(Number.POSITIVE_INFINITY);
    expect(() => prerenderNewest({ PRERENDER_NEWEST: 'newest' })).toThrow(
      'PRERENDER_NEWEST must be a number of articles or "all", not "newest"',
    );
    expect(() => prerenderNewest({ PRERENDER_NEWEST: '-3' })).toThrow(/PRERENDER_NEWEST/);
  });

  it('keeps the long tail for the first request unless every page is prerendered', () => {
    expect(longTail([1, 2], {})).toEqual([]);
    expect(longTail([1, 2], { PRERENDER_NEWEST: 'all' })).toEqual([1, 2]);
    expect(longTail([1, 2], { STATIC_EXPORT: '1' })).toEqual([1, 2]);
  });

  it('on the Node host, lists the newest articles and the categories, and leaves the other lists to requests', () => {
    process.env.CONTENT_DIR = path.resolve(__dirname, '../fixtures/site');
    vi.stubEnv('PRERENDER_NEWEST', '3');
    const newest = getContent()
      .articles.slice(0, 3)
      .map(({ slug }) => ({ slug }));
    expect(articleParams()).toEqual(newest);
    expect(termParams('categories').length).toBe(getContent().categories.terms.length);
    for (const params of [
      homeParams(),
      termParams('tags'),
      termParams('authors'),
      termPageParams('tags'),
      monthParams(),
      monthPageParams(),
    ]) {
      expect(params).toEqual([]);
    }

    vi.stubEnv('PRERENDER_NEWEST', 'all');
    expect(articleParams()).toHaveLength(getContent().articles.length);
    expect(termParams('tags').length).toBe(getContent().tags.terms.length);
  });
});
