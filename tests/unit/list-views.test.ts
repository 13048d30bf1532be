import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getContent } from '@/lib/content';
import { homePage, homeParams, monthPage, monthParams, termPage, termPageParams } from '@/lib/list-views';
import { articleMetadata, pageMetadata } from '@/lib/metadata';
import { termParams } from '@/lib/terms';

const fixtures = path.resolve(__dirname, '../fixtures');
const original = process.env.CONTENT_DIR;
const useContent = (dir: string) => {
  process.env.CONTENT_DIR = path.join(fixtures, dir);
};
afterEach(() => {
  process.env.CONTENT_DIR = original;
  vi.unstubAllEnvs();
});

describe('list pages', () => {
  // Params as the static export lists them: every page (tests/unit/prerender.test.ts has the Node host's).
  beforeEach(() => {
    vi.stubEnv('PRERENDER_NEWEST', 'all');
  });

  it('pages the home list from /page/2, newest first, linking back to /', () => {
    useContent('site');
    const total = getContent().articles.length;
    expect(total).toBeGreaterThan(12);
    expect(homeParams()).toEqual([{ page: '2' }]);
    const page = homePage('2');
    expect(page?.view).toMatchObject({ title: 'Latest articles', page: 2, totalPages: 2, prev: '/' });
    expect(page?.view.next).toBeUndefined();
    expect(page?.view.items.map((a) => a.slug)).toEqual(
      getContent()
        .articles.slice(12)
        .map((a) => a.slug),
    );
    expect(page?.metadata.title).toBe('Latest articles, page 2');
    expect(page?.metadata.alternates?.canonical).toBe('http://localhost:3000/page/2');
  });

  it('answers only page numbers that exist, in their one spelling', () => {
    useContent('site');
    for (const segment of ['3', '02', '1x', '0', '1']) expect(homePage(segment)).toBeUndefined();
    expect(homePage()?.view).toMatchObject({ hideTitle: true, next: '/page/2' });
    expect(homePage()?.metadata.title).toEqual({ absolute: 'Inkwell — notes on AI, the web and publishing' });
  });

  it('builds a tag page with its count, canonical URL and feeds, and refuses unknown tags', () => {
    useContent('site');
    const ai = termPage('tags', 'ai');
    expect(ai?.view.title).toBe('Tag: AI');
    expect(ai?.view.intro).toBe(`${getContent().tags.articles.get('ai')?.length} articles`);
    expect(ai?.metadata.alternates?.canonical).toBe('http://localhost:3000/tags/ai');
    expect(ai?.metadata.alternates?.types?.['application/rss+xml']).toEqual([
      { url: '/tags/ai/feed.xml', title: 'Tag: AI (RSS)' },
    ]);
    expect(termPage('tags', 'no-such-tag')).toBeUndefined();
    expect(termParams('tags')).toContainEqual({ term: 'ai' });
    expect(termPageParams('tags').every(({ page }) => Number(page) >= 2)).toBe(true);
  });

  it('finds unicode terms by their decoded or percent-encoded segment', () => {
    useContent('site');
    const slug = getContent().tags.terms.find((t) => t.name === 'Künstliche Intelligenz')?.slug ?? '';
    expect(termPage('tags', slug)?.view.items).toHaveLength(1);
    expect(termPage('tags', encodeURIComponent(slug))?.view.items).toHaveLength(1);
  });

  it("puts an author's profile, its markdown body rendered, above their first page only", () => {
    useContent('valid');
    const author = getContent().authors.terms.find((t) => getContent().profiles.has(t.slug));
    if (!author) throw new Error('the valid fixture has an author with a profile');
    const page = termPage('authors', author.slug);
    expect(page?.view.title).toBe(author.name);
    expect(page?.view.author?.links).toEqual([{ label: 'Pipeline status', url: 'https://status.example.net/' }]);
    expect(page?.metadata.description).toBe(page?.view.author?.bio);
    expect(termPage('authors', author.slug, '2')).toBeUndefined();
  });

  it('pages a month of the archive and refuses months with nothing in them', () => {
    useContent('site');
    const [key] = [...getContent().months.keys()];
    const [year, month] = key.split('-');
    expect(monthPage(year, month)?.view.intro).toMatch(/^\d+ articles?$/);
    expect(monthPage('1999', '01')).toBeUndefined();
    expect(monthParams()).toContainEqual({ year, month });
  });

  it('gives each empty dynamic route one placeholder param, which no page answers to', () => {
    process.env.CONTENT_DIR = mkdtempSync(path.join(tmpdir(), 'inkwell-empty-'));
    expect(homeParams()).toEqual([{ page: '1' }]);
    expect(homePage()?.view.items).toEqual([]);
    expect(termParams('tags')).toEqual([{ term: '_' }]);
    expect(termPage('tags', '_')).toBeUndefined();
  });
});

describe('page metadata', () => {
  it('describes an article: canonical source, author, Open Graph article and Twitter card', () => {
    useContent('site');
    const article = getContent().articles.find((a) => a.source && a.tags.length > 0);
    if (!article) throw new Error('the site fixture has a republished article with tags');
    const metadata = articleMetadata(article);
    expect(metadata.title).toBe(article.title);
    expect(metadata.alternates?.canonical).toBe(article.source);
    expect(metadata.authors).toEqual([
      { name: article.author.name, url: `http://localhost:3000/authors/${article.author.slug}` },
    ]);
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: article.date.iso,
      tags: article.tags.map((t) => t.name),
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('keeps the home title absolute and gives the default image its size', () => {
    const metadata = pageMetadata({ path: '/' });
    expect(metadata.title).toEqual({ absolute: 'Inkwell — notes on AI, the web and publishing' });
    expect(metadata.openGraph?.images).toEqual([expect.objectContaining({ width: 1200 })]);
    expect(metadata.alternates).toEqual({ canonical: 'http://localhost:3000/', types: undefined });
  });
});
