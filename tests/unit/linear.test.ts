// Every helper that reads untrusted text is linear in it. Each gets about a megabyte of every pattern
// that makes a backtracking or rescanning implementation quadratic (an opener with no closer, a long
// run a pattern retries from each of its characters), within a time a linear implementation meets
// many times over on a slow machine and a quadratic one misses by minutes. To cover a new helper or
// pattern, add a row to HELPERS or PATTERNS.
import { describe, expect, it } from 'vitest';
import { articleCrumbs } from '@/lib/breadcrumbs';
import {
  type Article,
  articleBody,
  type ContentIndex,
  type ParsedArticle,
  parseArticle,
  readArticleFile,
} from '@/lib/content';
import { buildTerms, termKey } from '@/lib/content/terms';
import { findWarnings } from '@/lib/editorial-warnings';
import { imageType, isResizable, resizedImage } from '@/lib/images';
import { articleJsonLd, articleMetadata, breadcrumbJsonLd, jsonLdString } from '@/lib/metadata';
import { parsePage } from '@/lib/paginate';
import { neighbours, relatedArticles } from '@/lib/related';
import { authorProfileSchema, frontMatterSchema, LIMITS, normaliseAlias, parseDate } from '@/lib/schema';
import { searchRecord } from '@/lib/search';
import { clip, countWords, decodeEntities, makeExcerpt, plainText, squish, truncate } from '@/lib/text';
import { hostOf, slugify } from '@/lib/urls';
import { articleFiles } from './article-files';

const SIZE = 2 ** 20;
/** One helper call on SIZE characters: the slowest, which build terms and URLs from the text, take a fraction of it. */
const BUDGET_MS = 5_000;
/** A whole article: loaded, described and indexed. */
const ARTICLE_BUDGET_MS = 10_000;

const fill = (unit: string, tail = '') => unit.repeat(Math.ceil(SIZE / unit.length)) + tail;

const PATTERNS: Record<string, string> = {
  '<': fill('<'),
  '<p': fill('<p'),
  '</p': fill('</p'),
  '<a ': fill('<a '),
  '<script': fill('<script'),
  '<script>': fill('<script>'),
  '<STYLE x': fill('<STYLE x'),
  '</script': fill('</script'),
  '<!--': fill('<!--'),
  '<!-- -->-': fill('<!--->'),
  '![': fill('!['),
  '[': fill('['),
  ']': fill(']'),
  '](': fill(']('),
  '[x](': fill('[x]('),
  '![x](': fill('![x]('),
  '…, then x': fill('…', 'x'),
  '...': fill('...'),
  '. . ., then x': fill(' ...', 'x'),
  '....': fill('....'),
  ', , then x': fill(', ', 'x'),
  ' — , then x': fill(' —', 'x'),
  ',—, then a word and ...': fill(',—', 'x y...'),
  '&amp;': fill('&amp;'),
  '&#': fill('&#'),
  '&#x': fill('&#x'),
  '&amp;#8217;': fill('&amp;#8217;'),
  tabs: fill('\t'),
  newlines: fill('\n'),
  'space, newline': fill(' \n'),
  'non-breaking spaces': fill('\u00a0'),
  '#': fill('#'),
  '# heading lines': fill('# x\n'),
  digits: fill('1'),
  '1. lines': fill('1.\n'),
  '> ': fill('> '),
  '|-': fill('|-'),
  '| :-: |\\n': fill('| :-: |\n'),
  '*_`~': fill('*_`~'),
  '**a': fill('**a'),
  '```\\n': fill('```\n'),
  'a.': fill('a.'),
  'a., then a space': fill('a.', ' x'),
  '-': fill('-'),
  "'’": fill("'’"),
  '?#%': fill('?#%'),
  'f_x,': fill('/f_x,'),
  '.jpg.': fill('.jpg'),
  CJK: fill('機械学習'),
  surrogates: fill('😀'),
  mixed: fill('<p<script<!--![[](…, &amp;&#\t|-*_#1.'),
  prose: fill('Words, and <b>bold</b> [a link](https://x.test) &amp; more… '),
};

const SIZE_2X1 = { width: 1200, height: 600, jpeg: true };
const IMAGE_HOSTS = [
  'https://images.unsplash.com/',
  'https://res.cloudinary.com/demo/image/upload/',
  'https://x.test/',
];
const DAY = { day: '2025-11-14', iso: '2025-11-14T00:00:00.000Z' };

/** What the loader makes of a file, with `text` in every field: helpers downstream must cope with any length. */
function parsed(text: string, n: number): ParsedArticle {
  return {
    slug: `a-${n}`,
    file: `a-${n}.md`,
    format: 'md',
    title: text,
    excerpt: text,
    excerptFromBody: false,
    date: DAY,
    corrections: [{ date: DAY, text }],
    aliases: [`/old/${n}`],
    coverImage: `https://images.unsplash.com/${text}`,
    authorName: text,
    tagNames: [text, text.toUpperCase()],
    categoryName: text,
    seriesName: text,
    seriesPart: n,
    source: `https://news.test/${text}`,
    sourceHost: 'news.test',
    draft: false,
    readingMinutes: 1,
    filePath: `/content/a-${n}.md`,
  };
}

/** An article as the site shows it, sharing its terms with the others; buildTerms has a row of its own. */
function article(text: string, n: number): Article {
  const { authorName, tagNames, categoryName, seriesName, ...rest } = parsed(text, n);
  const term = { key: 'term', name: text, slug: 'term' };
  return { ...rest, author: term, tags: tagNames.map(() => term), category: term, series: term };
}

const HELPERS: Record<string, (text: string) => unknown> = {
  plainText,
  'makeExcerpt of an excerpt': (t) => makeExcerpt(t, ''),
  'makeExcerpt of a body': (t) => makeExcerpt(undefined, t),
  truncate: (t) => truncate(t),
  'truncate just short of the whole': (t) => truncate(t, t.length - 1),
  squish,
  decodeEntities,
  countWords,
  clip,
  slugify,
  termKey,
  buildTerms: (t) => buildTerms([t, t.toUpperCase(), `${t}!`, ` ${t}`]),
  hostOf: (t) => hostOf(`https://${t}`),
  'image URLs': (t) =>
    IMAGE_HOSTS.map((host) => {
      const url = host + t;
      return [isResizable(url), resizedImage(url, SIZE_2X1), imageType(url)];
    }),
  parseDate: (t) => [parseDate(t), parseDate(`2025-11-14T09:30:00.${t}`), parseDate(`2025-11-14 09:30${t}+0200`)],
  parsePage,
  'front-matter schema': (t) =>
    frontMatterSchema.safeParse({
      title: t,
      date: t,
      updated: `2025-11-14 ${t}`,
      excerpt: t,
      author: t,
      tags: [t, t],
      category: t,
      source: `https://${t}`,
      coverImage: `//${t}`,
      slug: t,
      readTime: t,
      corrections: [{ date: t, text: t }],
      aliases: [t, `/${t}`, `/a/${t}`],
      series: t,
      seriesPart: t,
    }),
  'alias paths': (t) => [normaliseAlias(t), normaliseAlias(`/${t}`), normaliseAlias(`/a/${t}/`)],
  'author profile schema': (t) =>
    authorProfileSchema.safeParse({ name: t, bio: t, avatar: t, links: [{ label: t, url: `http://${t}` }] }),
  'content:check warnings': (t) => findWarnings([parsed(t, 1), parsed(t, 2)], '2026-01-01'),
  'page metadata and JSON-LD': (t) => [
    articleMetadata(article(t, 1)),
    jsonLdString([articleJsonLd(article(t, 1)), breadcrumbJsonLd(articleCrumbs(article(t, 1)))]),
  ],
  'related reading': (t) => {
    const articles = [article(t, 1), article(t, 2), article(t, 3)];
    const index = { articles } as unknown as ContentIndex;
    return [relatedArticles(index, articles[1]), neighbours(index, articles[1])];
  },
};

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('helpers are linear in untrusted text', () => {
  const cases = Object.entries(HELPERS).flatMap(([helper, run]) =>
    Object.entries(PATTERNS).map(([pattern, text]) => ({ helper, pattern, run: () => run(text) })),
  );
  it.each(cases)('$helper on ~1 MB of $pattern', ({ run }) => {
    expect(timed(run)).toBeLessThan(BUDGET_MS);
  });
});

/** A file as the import pipelines write it, the pattern in every field up to its limit and in the body. */
function file(pattern: string, body: string): string {
  const field = (max: number) => JSON.stringify(`x ${pattern.slice(0, max - 2)}`);
  // Names that become URL segments must also be well-formed and fit a file name (200 bytes of UTF-8).
  const segment = (max: number) => {
    let text = `x ${pattern.slice(0, max - 2)}`.replace(/\p{Cs}|\p{Cc}/gu, '');
    while (Buffer.byteLength(text) > 200) text = text.slice(0, -1).replace(/\p{Cs}$/u, '');
    return JSON.stringify(text);
  };
  return [
    '---',
    `title: ${field(LIMITS.title)}`,
    'date: 2025-11-14',
    `excerpt: ${field(LIMITS.excerpt)}`,
    `author: ${segment(LIMITS.name)}`,
    `category: ${segment(LIMITS.category)}`,
    `tags: [${segment(LIMITS.tag)}, AI]`,
    `series: ${segment(LIMITS.series)}`,
    'seriesPart: 3',
    `corrections: [{ date: 2025-11-20, text: ${field(LIMITS.correction)} }]`,
    'source: https://news.test/story',
    '---',
    body,
  ].join('\n');
}

describe('a whole article is linear in its body', () => {
  const write = articleFiles();
  it.each(Object.entries(PATTERNS))('~1 MB of %j: loaded, described and indexed', (_, text) => {
    const written = write('a.md', file(text, text));
    const ms = timed(() => {
      const { article: read, problems } = readArticleFile(written);
      expect(problems.map((p) => p.message)).toEqual([]);
      if (!read) throw new Error(`${written} must load`);
      expect(articleBody(read).length).toBeGreaterThanOrEqual(SIZE);
      // The body is read from the file, as a page, the search index and a full-text feed read it.
      const shown = { ...article(text.slice(0, LIMITS.title), 1), filePath: read.filePath };
      searchRecord(shown);
      jsonLdString(articleJsonLd(shown));
      articleMetadata(shown);
    });
    expect(ms).toBeLessThan(ARTICLE_BUDGET_MS);
  });
});

describe('no message repeats unbounded input', () => {
  it.each(Object.entries(PATTERNS))('front-matter fields over their limits, of %j', (_, text) => {
    // Together under the front-matter block's own limit, so each field reaches the schema.
    const big = JSON.stringify(text.slice(0, 2_500));
    // Over the limits of the shorter fields (aliases: 300), with room left in the block.
    const mid = JSON.stringify(text.slice(0, 350));
    const source = [
      '---',
      `title: ${big}`,
      `date: ${big}`,
      `updated: ${big}`,
      `excerpt: ${JSON.stringify(text.slice(0, LIMITS.excerpt + 500))}`,
      `author: ${big}`,
      `category: ${big}`,
      `tags: [${big}]`,
      `source: ${JSON.stringify(`https://${text.slice(0, 2_500)}`)}`,
      `coverImage: ${big}`,
      `slug: ${big}`,
      `series: ${mid}`,
      `seriesPart: ${mid}`,
      `corrections: [{ date: ${mid}, text: ${JSON.stringify(text.slice(0, LIMITS.correction + 10))} }]`,
      `aliases: [${mid}, ${JSON.stringify(`/${text.slice(0, 250)}`)}]`,
      '---',
      'Body',
    ].join('\n');
    const { article: accepted, problems } = parseArticle('/content/a.md', source);
    expect(accepted).toBeUndefined();
    // White space alone is an empty value, which optional fields read as missing.
    const blank = text.trim() === '';
    const optional = blank ? [] : ['updated', 'seriesPart'];
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['title', 'date', 'source', 'series', 'aliases.0', 'corrections.0.date', ...optional]),
    );
    for (const p of problems) expect(p.message.length, p.message).toBeLessThanOrEqual(200);
  });
});
