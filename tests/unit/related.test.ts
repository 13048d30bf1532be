import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content';
import { neighbours, relatedArticles } from '@/lib/related';

const { index } = loadContent(path.resolve(__dirname, '../fixtures/site'));
const terms = (a: (typeof index.articles)[number]) =>
  new Set([...a.tags.map((t) => `t:${t.slug}`), ...(a.category ? [`c:${a.category.slug}`] : [])]);

describe('related reading', () => {
  it('offers up to four other articles, the first sharing a tag or the category', () => {
    for (const article of index.articles) {
      const related = relatedArticles(index, article);
      expect(related.length).toBeLessThanOrEqual(4);
      expect(related).not.toContain(article);
      expect(new Set(related).size).toBe(related.length);
      if (related[0] && terms(article).size > 0) {
        const shared = [...terms(related[0])].filter((t) => terms(article).has(t));
        const titleWords = article.title.toLowerCase().split(/\W+/);
        expect(
          shared.length > 0 ||
            related[0].title
              .toLowerCase()
              .split(/\W+/)
              .some((w) => w.length > 2 && titleWords.includes(w)),
        ).toBe(true);
      }
    }
  });

  it('ranks rarer shared terms first, and is the same every time', () => {
    const brief = index.articles.find((a) => a.slug === 'brief-05');
    if (!brief) throw new Error('the site fixture has brief-05');
    const first = relatedArticles(index, brief).map((a) => a.slug);
    expect(relatedArticles(index, brief).map((a) => a.slug)).toEqual(first);
    expect(first.every((slug) => slug.startsWith('brief-'))).toBe(true);
  });

  it('links the next newer and older article by date', () => {
    const [newest, second] = index.articles;
    expect(neighbours(index, newest)).toEqual({ newer: undefined, older: second });
    expect(neighbours(index, second).newer).toBe(newest);
  });
});
