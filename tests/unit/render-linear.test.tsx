// The whole path of one article, from file text to page HTML, is linear in the file: ~1 MB of each
// pathological run is parsed by the loader and rendered by both body renderers within a bound that
// a linear implementation meets many times over and a quadratic one (minutes at this size) cannot.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ArticleBody } from '@/components/ArticleBody';
import { parseArticle, readArticleFile } from '@/lib/content';
import { renderArticleBody } from '@/lib/markdown';
import { articleFiles } from './article-files';

const SIZE = 1_000_000;
const BOUND_MS = 20_000;
const run = (unit: string, tail = '') => unit.repeat(Math.ceil(SIZE / unit.length)) + tail;

const patterns: Record<string, string> = {
  'open angle brackets': run('<'),
  'unclosed paragraph tags': run('<p'),
  'unclosed scripts': run('<script'),
  'unclosed comments': run('<!--'),
  'nested divs': run('<div>'),
  'formatting elements with ids': Array.from({ length: SIZE / 12 }, (_, i) => `<b id=${i}>`).join(''),
  'misnested formatting': run('<b><i></b></i>'),
  'tables in tables': run('<table><tr><td>'),
  'image openers': run('!['),
  'link openers': run('[', 'x'),
  'link middles': run(']('),
  emphasis: run('*a'),
  underscores: run('_a'),
  strikethrough: run('~~a'),
  backticks: run('`a'),
  'ellipses then a letter': run('…', 'x'),
  'dots then a letter': run('...', 'x'),
  'commas then a letter': run(', ', 'x'),
  entities: run('&amp;'),
  'half entities': run('&#'),
  'block quotes': run('> '),
  'list markers': run('- '),
  'tabs and newlines': run('\t\n'),
  'footnote references': run('[^a]'),
  'inline footnotes': run('^[x] '),
  'unclosed formatting, then paragraphs':
    Array.from({ length: 20_000 }, (_, i) => `<b id=${i}>`).join('') + run('<p>x').slice(0, 700_000),
  'setext headings': run('x\n=\n'),
  'nested list items per line': run('- - x\n'),
  'bare URLs': run('http://a.'),
  'table rows': run('|-'),
};

const write = articleFiles();

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

const timed = async (work: () => unknown) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe('one article, file to HTML, in linear time', () => {
  it.each(Object.entries(patterns))('%s', { timeout: 4 * BOUND_MS }, async (_, body) => {
    const file = `---\ntitle: T\ndate: '2026-01-01'\nexcerpt: ${JSON.stringify(body.slice(0, 4000))}\n---\n${body}`;
    expect(await timed(() => parseArticle('content/x.md', file))).toBeLessThan(BOUND_MS);
    expect(await timed(() => renderArticleBody(body))).toBeLessThan(BOUND_MS);
    const written = write('x.mdx', file);
    const mdx = async () => {
      const { article } = readArticleFile(written);
      if (article?.format !== 'mdx') throw new Error(`${written} must load as MDX`);
      return renderToStaticMarkup(await ArticleBody({ article }));
    };
    expect(await timed(mdx)).toBeLessThan(BOUND_MS);
  });
});
