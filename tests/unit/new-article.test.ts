import { describe, expect, it } from 'vitest';
import { articleBody, readArticleFile } from '@/lib/content';
import { articleSlug, listOption, newArticleSource } from '@/lib/new-article';
import { articleFiles } from './article-files';

const write = articleFiles();

describe('npm run new', () => {
  it('writes front-matter the loader accepts, as a draft dated today', () => {
    const source = newArticleSource({
      title: 'Robots: "folding" laundry # at last',
      tags: listOption(' AI, Robotics ,'),
      category: 'Research',
      author: 'Ada Winters',
      today: '2026-11-29',
    });
    const { article, problems } = readArticleFile(write('robots.md', source));
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Robots: "folding" laundry # at last',
      date: expect.objectContaining({ day: '2026-11-29' }),
      tagNames: ['AI', 'Robotics'],
      categoryName: 'Research',
      authorName: 'Ada Winters',
      draft: true,
    });
    if (!article) throw new Error('the new file must load');
    expect(articleBody(article).trim()).not.toBe('');
  });

  it('makes a short slug from the title, cut at a hyphen', () => {
    expect(articleSlug('C++ & Rust: a tale of two compilers')).toBe('c-plus-plus-and-rust-a-tale-of-two-compilers');
    const long = articleSlug('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});
