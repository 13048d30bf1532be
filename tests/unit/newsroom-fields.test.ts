// The newsroom's front-matter: corrections, aliases (old paths), series and their part numbers. Each is
// accepted in the forms imports write, bounded, and refused with the file and the field named.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadContent, parseArticle, readArticles } from '@/lib/content';
import { findWarnings } from '@/lib/editorial-warnings';
import { newArticleSource } from '@/lib/new-article';
import { LIMITS, normaliseAlias } from '@/lib/schema';
import { termKinds } from '@/lib/terms';
import { servedSegments } from '@/lib/urls';

/** A file with a title and a date, then the given front-matter lines. */
const fileOn = (day: string, ...lines: string[]) =>
  ['---', 'title: T', `date: '${day}'`, ...lines, '---', 'Body.'].join('\n');
const source = (...lines: string[]) => fileOn('2026-01-10', ...lines);
const parse = (...lines: string[]) => parseArticle('content/x.md', source(...lines));
/** The fields of a file's problems, each also checked to name the file. */
const refused = (...lines: string[]) => {
  const { article, problems } = parse(...lines);
  expect(article).toBeUndefined();
  for (const p of problems) expect(formatProblem(p)).toMatch(/^content\/x\.md: /);
  return problems.map((p) => [p.field, p.message]);
};
const accepted = (...lines: string[]) => {
  const { article, problems } = parse(...lines);
  expect(problems).toEqual([]);
  if (!article) throw new Error('no article');
  return article;
};

describe('corrections', () => {
  it('are read as dated plain text, newest first, with white space collapsed', () => {
    const article = accepted(
      'corrections:',
      '  - { date: 2026-01-11, text: "The first  one." }',
      "  - date: '2026-01-20T09:30:00+02:00'",
      '    text: |',
      '      The second,',
      '      on two lines.',
      '  -',
      '  - { date: 2026-01-15, text: "3 > 2 & <b>not markup</b>" }',
    );
    expect(article.corrections).toEqual([
      { date: { day: '2026-01-20', iso: '2026-01-20T07:30:00.000Z' }, text: 'The second, on two lines.' },
      { date: { day: '2026-01-15', iso: '2026-01-15T00:00:00.000Z' }, text: '3 > 2 & <b>not markup</b>' },
      { date: { day: '2026-01-11', iso: '2026-01-11T00:00:00.000Z' }, text: 'The first one.' },
    ]);
  });

  it('are none when the field is missing or empty', () => {
    expect(accepted().corrections).toEqual([]);
    expect(accepted('corrections:').corrections).toEqual([]);
    expect(accepted('corrections: []').corrections).toEqual([]);
  });

  it('refuse a correction without a real date or without text, naming the entry and its field', () => {
    expect(refused('corrections: [{ date: 2026-02-30, text: x }]')).toEqual([
      ['corrections.0.date', '"2026-02-30" is not a real date (use YYYY-MM-DD or an ISO 8601 timestamp)'],
    ]);
    expect(refused('corrections: [{ text: x }]')).toEqual([['corrections.0.date', 'is required (YYYY-MM-DD)']]);
    expect(refused('corrections: [{ date: 2026-01-11, text: x }, { date: 2026-01-12 }]')).toEqual([
      ['corrections.1.text', 'is required'],
    ]);
    expect(refused('corrections: [{ date: 2026-01-11, text: "  " }]')).toEqual([
      ['corrections.0.text', 'must not be empty'],
    ]);
    expect(refused('corrections: [{ date: 2026-01-11, text: [a] }]')).toEqual([['corrections.0.text', 'must be text']]);
  });

  it('refuse what is not a list of { date, text }', () => {
    expect(refused('corrections: Fixed a typo')).toEqual([['corrections', 'must be a list of { date, text }']]);
    expect(refused('corrections: [Fixed a typo]')).toEqual([['corrections.0', 'must be a list of { date, text }']]);
  });

  it('are bounded in number and in length', () => {
    const entry = '{ date: 2026-01-11, text: x }';
    expect(accepted(`corrections: [${Array(LIMITS.corrections).fill(entry).join(', ')}]`).corrections).toHaveLength(
      LIMITS.corrections,
    );
    expect(
      refused(
        `corrections: [${Array(LIMITS.corrections + 1)
          .fill(entry)
          .join(', ')}]`,
      ),
    ).toEqual([
      ['corrections', `has ${LIMITS.corrections + 1} corrections; at most ${LIMITS.corrections} are allowed`],
    ]);
    const long = 'x'.repeat(LIMITS.correction + 1);
    expect(refused(`corrections: [{ date: 2026-01-11, text: ${long} }]`)).toEqual([
      ['corrections.0.text', `is 2,001 characters long; at most 2,000 are allowed`],
    ]);
  });
});

describe('aliases', () => {
  it('are kept in the one spelling the site links with, without the final slash, each once', () => {
    const article = accepted(
      'aliases:',
      '  - /2025/11/14/old-slug/',
      '  - /articles/Old-Slug',
      '  - /caf%c3%a9/',
      '  - /café',
      '  - /a b',
      '  - /%62rief',
      "  - ''",
      '  - /2025/11/14/old-slug',
    );
    expect(article.aliases).toEqual(['/2025/11/14/old-slug', '/articles/Old-Slug', '/caf%C3%A9', '/a%20b', '/brief']);
    expect(accepted().aliases).toEqual([]);
  });

  it('normalise as the Node host spells a request path, and refuse text that is not well-formed', () => {
    expect(normaliseAlias('/a\uD800')).toEqual({ error: '"/a\\ud800" is not well-formed text' });
    expect(normaliseAlias('/news/a+b/')).toEqual({ path: '/news/a%2Bb' });
    expect(normaliseAlias(' /x ')).toEqual({ path: '/x' });
    expect(normaliseAlias('/機械学習')).toEqual({ path: `/${encodeURIComponent('機械学習')}` });
  });

  const bad: [string, RegExp][] = [
    ['//x', /must not contain \/\//],
    ['/a//b', /must not contain \/\//],
    ['/a/../b', /\. or \.\. segments/],
    ['/a/./b', /\. or \.\. segments/],
    ['/a/%2e%2E/b', /\. or \.\. segments/],
    ['/a?b', /without a query/],
    ['/a#b', /fragment/],
    ['/%zz', /broken percent-encoding/],
    ['/%C3', /broken percent-encoding/],
    ['/%ED%A0%80', /broken percent-encoding/],
    ['/a\u0000b', /control characters/],
    ['/a\tb', /control characters/],
    ['/a%00b', /control characters, even percent-encoded/],
    ['/a%0Ab', /control characters, even percent-encoded/],
    ['/a%2Fb', /encoded slash/],
    ['/a\\b', /backslash/],
    ['old-slug', /starting with \//],
    ['https://example.org/old', /starting with \//],
    ['/', /home page/],
    ['/tags/ai', /under \/tags, which the site serves itself/],
    ['/feed.xml', /under \/feed\.xml/],
    ['/_next/static/x.js', /under \/_next/],
    [`/${'é'.repeat(101)}`, /longer than 200 bytes/],
  ];
  it.each(bad)('refuses %j', (alias, message) => {
    const problems = refused(`aliases: [${JSON.stringify(alias)}]`);
    expect(problems).toHaveLength(1);
    expect(problems[0][0]).toBe('aliases.0');
    expect(problems[0][1]).toMatch(message);
    expect(problems[0][1].length).toBeLessThanOrEqual(200);
  });

  it('are bounded in number and in length', () => {
    const many = (n: number) => `aliases: [${Array.from({ length: n }, (_, i) => `/old/${i}`).join(', ')}]`;
    expect(accepted(many(LIMITS.aliases)).aliases).toHaveLength(LIMITS.aliases);
    expect(refused(many(LIMITS.aliases + 1))).toEqual([
      ['aliases', `has ${LIMITS.aliases + 1} aliases; at most ${LIMITS.aliases} are allowed`],
    ]);
    const long = `/${'a/'.repeat(LIMITS.alias / 2)}`;
    expect(refused(`aliases: [${long}]`)).toEqual([['aliases.0', 'is 301 characters long; at most 300 are allowed']]);
  });

  it('refuse what is not a list of paths', () => {
    expect(refused('aliases: /old')).toEqual([['aliases', 'must be a list of paths, e.g. [/2025/11/14/old-slug/]']]);
    expect(refused('aliases: [12]')).toEqual([['aliases.0', 'must be a list of paths, e.g. [/2025/11/14/old-slug/]']]);
  });

  it('may not start with a segment the site serves: every route of app/ and file of public/ is one', () => {
    const root = path.resolve(__dirname, '../..');
    const routes = readdirSync(path.join(root, 'app')).flatMap((name) => {
      if (name === '[kind]') return termKinds;
      if (name === 'robots.ts') return ['robots.txt'];
      const isRoute = statSync(path.join(root, 'app', name)).isDirectory() || name === 'icon.svg';
      return isRoute && name !== 'articles' && !name.startsWith('[') ? [name] : [];
    });
    for (const name of [...routes, ...readdirSync(path.join(root, 'public'))]) {
      expect(servedSegments.has(name), name).toBe(true);
    }
    expect(servedSegments.has('articles')).toBe(false);
  });
});

describe('series', () => {
  it('reads a name and a part number, as a number or as digits', () => {
    expect(accepted('series: Election 2026', 'seriesPart: 2')).toMatchObject({
      seriesName: 'Election 2026',
      seriesPart: 2,
    });
    expect(accepted('series: Election 2026', "seriesPart: '3'").seriesPart).toBe(3);
    expect(accepted('series: Election 2026', 'seriesPart:').seriesPart).toBeUndefined();
    expect(accepted("series: ''").seriesName).toBeUndefined();
    expect(accepted('series: 2026').seriesName).toBe('2026');
  });

  it.each(['0', '-1', '1.5', 'two', `${LIMITS.seriesPart + 1}`, '[1]'])('refuses the part number %s', (part) => {
    const problems = refused('series: S', `seriesPart: ${part}`);
    expect(problems).toHaveLength(1);
    expect(problems[0][0]).toBe('seriesPart');
    expect(problems[0][1]).toMatch(/is not a part number: use a whole number from 1 to 1,000$/);
  });

  it('refuses a name over the term limit, with control characters, or that is not text', () => {
    expect(refused(`series: ${'x'.repeat(LIMITS.series + 1)}`)).toEqual([
      ['series', 'is 101 characters long; at most 100 are allowed'],
    ]);
    expect(refused('series: "a\\u0007b"')[0][0]).toBe('series');
    expect(refused('series: [a, b]')).toEqual([['series', 'must be a single name']]);
  });
});

describe('updated', () => {
  it('is missing when empty, as other fields are', () => {
    expect(accepted('updated:').updated).toBeUndefined();
    expect(accepted("updated: ''").updated).toBeUndefined();
    expect(refused('updated: 2026-02-30')[0][0]).toBe('updated');
  });
});

describe('npm run new', () => {
  it('still writes a file the loader accepts, with no corrections, aliases or series', () => {
    const { article, problems } = parseArticle(
      'content/n.md',
      newArticleSource({ title: 'New', category: 'News', today: '2026-02-01' }),
    );
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ corrections: [], aliases: [], seriesName: undefined, seriesPart: undefined });
  });
});

// Folders written for each case: tests/fixtures/site is shared with other tests and the e2e builds.
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-newsroom-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const file = (...lines: string[]) => source(...lines);

describe('aliases across a folder', () => {
  it('names both files when two articles claim one alias, and keeps the first', () => {
    const dir = folder({
      'a/first.md': file('aliases: [/old/story/]'),
      'b/second.md': file('aliases: [/old/other, /old/story]'),
    });
    const { index, problems } = loadContent(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toMatch(/b\/second\.md$/);
    expect(problems[0].field).toBe('aliases');
    expect(problems[0].message).toMatch(/^"\/old\/story" is also an alias of .*a\/first\.md$/);
    expect(index.articles.map((a) => a.slug)).toEqual(['first']);
    expect(index.bySlug.get('first')?.aliases).toEqual(['/old/story']);
  });

  it("refuses an alias that is the article's own URL, or another article's", () => {
    const dir = folder({
      'self.md': file('aliases: [/articles/self/]'),
      'other.md': file('aliases: [/articles/target]'),
      'target.md': file(),
      'moved.md': file('aliases: [/articles/Target, /articles/gone]'),
    });
    const { articles, problems } = readArticles(dir);
    expect(problems.map((p) => [path.basename(p.file), p.field, p.message])).toEqual([
      ['other.md', 'aliases', expect.stringMatching(/^"\/articles\/target" is the URL of .*\/target\.md$/)],
      ['self.md', 'aliases', `"/articles/self" is this article's own URL`],
    ]);
    expect(articles.map((a) => a.slug).sort()).toEqual(['moved', 'target']);
  });

  it('is checked by content:check, which reads the folder as the loader does', () => {
    const dir = folder({ 'one.md': file('aliases: [/x]'), 'two.md': file('aliases: [/x/]') });
    expect(readArticles(dir).problems.map((p) => path.basename(p.file))).toEqual(['two.md']);
  });
});

describe('series across a folder', () => {
  const dir = folder({
    'one.md': fileOn('2026-01-01', 'series: election  2026', 'seriesPart: 1'),
    'two.md': file('series: Election 2026', 'seriesPart: 2'),
    'three.md': file('series: ELECTION 2026'),
    'other.md': file('series: Deep Dives', 'seriesPart: 1', 'draft: true'),
  });

  it('merges spellings into one term, named and slugged as categories are, in a fourth index', () => {
    const { index, problems } = loadContent(dir);
    expect(problems).toEqual([]);
    expect(index.series.terms).toEqual([{ key: 'election 2026', name: 'ELECTION 2026', slug: 'election-2026' }]);
    expect(index.series.articles.get('election-2026')?.map((a) => [a.slug, a.seriesPart])).toEqual([
      ['three', undefined],
      ['two', 2],
      ['one', 1],
    ]);
    expect(index.bySlug.get('two')?.series).toBe(index.series.bySlug.get('election-2026'));
    expect(index.bySlug.get('two')).not.toHaveProperty('seriesName');
    expect(loadContent(dir, { includeDrafts: true }).index.series.terms.map((t) => t.name)).toEqual([
      'ELECTION 2026',
      'Deep Dives',
    ]);
  });

  it('warns about parts numbered only in part, or twice with one number', () => {
    const twice = folder({
      'a.md': file('series: S', 'seriesPart: 1'),
      'b.md': file('series: s', 'seriesPart: 1'),
      'c.md': file('seriesPart: 4'),
    });
    const findings = [...findWarnings(readArticles(dir).articles, '2026-06-01')];
    const missing = findings.filter((f) => f.kind === 'series part missing');
    expect(missing.map((f) => [f.files.map((x) => path.basename(x)), f.detail])).toEqual([
      [['three.md'], 'election 2026: 2 of 3 parts numbered'],
    ]);
    const again = findWarnings(readArticles(twice).articles, '2026-06-01');
    const repeated = again.filter((f) => f.kind === 'series part given twice');
    expect(repeated.map((f) => [f.files.map((x) => path.basename(x)).sort(), f.detail])).toEqual([
      [['a.md', 'b.md'], 'S: part 1'],
    ]);
    expect(again.filter((f) => f.kind === 'series part missing')).toEqual([]);
    expect(again.find((f) => f.kind === 'series part without a series')?.files[0]).toMatch(/c\.md$/);
  });
});

describe('content:check warnings about dates', () => {
  it('warns about an update or a correction dated before the article, not about one of the same day', () => {
    const dir = folder({
      'early.md': file(
        'updated: 2026-01-09',
        'corrections: [{ date: 2026-01-08, text: a }, { date: 2026-01-10T12:00:00Z, text: b }]',
      ),
      'same-day.md': [
        '---',
        'title: Same day',
        "date: '2026-01-10T09:00:00Z'",
        'updated: 2026-01-10',
        'corrections: [{ date: 2026-01-10, text: a }]',
        '---',
        '',
      ].join('\n'),
      'hour-before.md': [
        '---',
        'title: An hour before',
        "date: '2026-01-10T09:00:00Z'",
        "updated: '2026-01-10T08:00:00Z'",
        '---',
        '',
      ].join('\n'),
    });
    const findings = findWarnings(readArticles(dir).articles, '2026-06-01');
    const of = (kind: string) =>
      findings
        .filter((f) => f.kind === kind)
        .map((f) => [path.basename(f.files[0]), f.detail])
        .sort();
    expect(of('updated before date')).toEqual([
      ['early.md', '2026-01-09 < 2026-01-10'],
      ['hour-before.md', '2026-01-10T08:00:00.000Z < 2026-01-10T09:00:00.000Z'],
    ]);
    expect(of('correction dated before the article')).toEqual([['early.md', '2026-01-08 < 2026-01-10']]);
  });
});
