import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getContent } from '@/lib/content';
import { articleMetadata, headOf, pageMetadata } from '@/lib/metadata';
import { homePage, homePaths, monthPage, termPage, termPagePaths, termPaths } from '@/lib/pages';

const fixtures = path.resolve(__dirname, '../fixtures');
const original = process.env.CONTENT_DIR;
const useContent = (dir: string) => {
  process.env.CONTENT_DIR = path.join(fixtures, dir);
};
afterEach(() => {
  process.env.CONTENT_DIR = original;
});

/** Every value as JSON carries it: Next refuses props with `undefined` in them. */
function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (value && typeof value === 'object') return Object.values(value).some(hasUndefined);
  return false;
}

describe('list pages for the Pages Router', () => {
  it('pages the home list from /page/2, newest first, linking back to /', () => {
    useContent('site');
    const total = getContent().articles.length;
    expect(total).toBeGreaterThan(12);
    expect(homePaths()).toEqual([{ params: { page: '2' } }]);
    const page = homePage('2');
    expect(page?.view).toMatchObject({ title: 'Latest articles', page: 2, totalPages: 2, prev: '/' });
    expect(page?.view.next).toBeUndefined();
    expect(page?.view.items.map((a) => a.slug)).toEqual(
      getContent()
        .articles.slice(12)
        .map((a) => a.slug),
    );
    expect(page?.head.title).toBe('Latest articles, page 2 · Inkwell');
    expect(hasUndefined(page)).toBe(false);
  });

  it('answers only page numbers that exist, in their one spelling', () => {
    useContent('site');
    for (const segment of ['3', '02', '1x', '0']) expect(homePage(segment)).toBeUndefined();
    expect(homePage('1')?.view).toMatchObject({ hideTitle: true, next: '/page/2' });
  });

  it('builds a tag page with its count, canonical URL and feeds, and refuses unknown tags', () => {
    useContent('site');
    const ai = termPage('tags', 'ai');
    expect(ai?.view.title).toBe('Tag: AI');
    expect(ai?.view.intro).toBe(`${getContent().tags.articles.get('ai')?.length} articles`);
    expect(ai?.head.links).toContainEqual({ rel: 'canonical', href: 'http://localhost:3000/tags/ai' });
    expect(ai?.head.links).toContainEqual({
      rel: 'alternate',
      type: 'application/rss+xml',
      title: 'Tag: AI (RSS)',
      href: 'http://localhost:3000/tags/ai/feed.xml',
    });
    expect(termPage('tags', 'no-such-tag')).toBeUndefined();
    expect(termPaths('tags')).toContainEqual({ params: { term: 'ai' } });
    expect(termPagePaths('tags').every(({ params }) => Number(params.page) >= 2)).toBe(true);
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
    expect(page?.head.meta).toContainEqual({ name: 'description', content: page?.view.author?.bio });
    expect(hasUndefined(page)).toBe(false);
  });

  it('pages a month of the archive and refuses months with nothing in them', () => {
    useContent('site');
    const [key] = [...getContent().months.keys()];
    const [year, month] = key.split('-');
    expect(monthPage(year, month)?.view.intro).toMatch(/^\d+ articles?$/);
    expect(monthPage('1999', '01')).toBeUndefined();
  });
});

describe('headOf: the App Router metadata as tags for the Pages Router', () => {
  it('writes an article head: template title, canonical source, Open Graph article and Twitter tags', () => {
    useContent('site');
    const article = getContent().articles.find((a) => a.source && a.tags.length > 0);
    if (!article) throw new Error('the site fixture has a republished article with tags');
    const head = headOf(articleMetadata(article));
    expect(head.title).toBe(`${article.title} · Inkwell`);
    expect(head.links).toContainEqual({ rel: 'canonical', href: article.source });
    expect(head.links).toContainEqual({ rel: 'author', href: `http://localhost:3000/authors/${article.author.slug}` });
    expect(head.meta).toContainEqual({ property: 'og:type', content: 'article' });
    expect(head.meta).toContainEqual({ property: 'article:published_time', content: article.date.iso });
    expect(head.meta.filter((m) => m.property === 'article:tag').map((m) => m.content)).toEqual(
      article.tags.map((t) => t.name),
    );
    expect(head.meta).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' });
    expect(head.meta.some((m) => m.content === '' || m.content === 'undefined')).toBe(false);
  });

  it('keeps an absolute title as it is and gives the default image its size', () => {
    const head = headOf(pageMetadata({ path: '/' }));
    expect(head.title).toBe('Inkwell — notes on AI, the web and publishing');
    expect(head.meta).toContainEqual({ property: 'og:image:width', content: '1200' });
    expect(head.links).toEqual([{ rel: 'canonical', href: 'http://localhost:3000/' }]);
  });
});
