import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, MAX_FILE_BYTES, parseArticle } from '@/lib/content';
import { MAX_FRONT_MATTER_BYTES, readFrontMatterBlock, splitFrontMatter } from '@/lib/front-matter';

const ok = "title: T\ndate: '2026-01-01'\n";
const problemsOf = (source: string) => parseArticle('content/x.md', source).problems;

/** A YAML billion-laughs: each level nine aliases of the one before, the last one in a date field. */
function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `---\ntitle: T\n${lines.join('\n')}\ndate: *a${levels - 1}\ntags: *a${levels - 1}\n---\n`;
}

describe('front-matter is YAML and nothing else', () => {
  const marker = path.join(tmpdir(), `inkwell-ran-${process.pid}`);
  const payload = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'T'), date: '2026-01-01' }`;

  it.each(['---js', '---javascript', '--- js', '---coffee', '---json', '---JS', '\uFEFF---js', '---js\r'])(
    'refuses a block opened by %j without evaluating it',
    (opening) => {
      const problems = problemsOf(`${opening}\n${payload}\n---\nBody`);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'content/x.md', field: 'front-matter' });
      expect(problems[0].message).toMatch(/YAML only/);
      expect(existsSync(marker)).toBe(false);
    },
  );

  it('reads ---yaml and --- with trailing spaces as YAML', () => {
    for (const opening of ['---yaml', '---yml', '---   ']) {
      expect(problemsOf(`${opening}\n${ok}---\n`)).toEqual([]);
    }
  });

  it('refuses executable blocks in articles and profiles of a folder, and loads the rest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-fm-'));
    mkdirSync(path.join(dir, '_authors'));
    writeFileSync(path.join(dir, 'evil.md'), `---js\n${payload}\n---\n`);
    writeFileSync(path.join(dir, '_authors', 'evil.md'), `---javascript\n${payload}\n---\n`);
    writeFileSync(path.join(dir, 'good.md'), `---\n${ok}---\nFine.`);
    const { index, problems } = loadContent(dir);
    rmSync(dir, { recursive: true });
    expect(index.articles.map((a) => a.slug)).toEqual(['good']);
    expect(problems.map((p) => path.basename(p.file))).toEqual(['evil.md', 'evil.md']);
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps YAML tags inert: no functions, no regexps, no prototype pollution', () => {
    const { data } = readFrontMatterBlock(
      '---\nf: !!js/function "function () { return 1 }"\nr: !!js/regexp /x/\n__proto__: { polluted: true }\n---\n',
    );
    expect(typeof data.f).toBe('string');
    expect(typeof data.r).toBe('string');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('names that become URLs and folders', () => {
  it('loads terms named like Object members, and refuses slugs a URL or folder cannot hold', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-names-'));
    writeFileSync(
      path.join(dir, 'a.md'),
      `---\n${ok}tags: [constructor, __proto__, toString]\nauthor: Constructor\n---\n`,
    );
    writeFileSync(path.join(dir, 'b.md'), `---\n${ok}tags: [x]\n---\n`);
    const { index, problems } = loadContent(dir);
    rmSync(dir, { recursive: true });
    expect(problems).toEqual([]);
    expect(index.tags.terms.map((t) => typeof t.name)).toEqual(['string', 'string', 'string', 'string']);
    expect(index.bySlug.get('a')?.author.name).toBe('Constructor');
    for (const slug of ['x\uD800', 'a\u0000b', 'a\u007fb', '漢'.repeat(80)]) {
      expect(problemsOf(`---\n${ok}slug: ${JSON.stringify(slug)}\n---\n`).map((p) => p.field)).toEqual(['slug']);
    }
    expect(problemsOf(`---\n${ok}category: ${JSON.stringify('漢'.repeat(90))}\n---\n`)[0].field).toBe('category');
    expect(problemsOf(`---\ntitle: T\ndate: '9999-12-31T23:59:59-23:59'\n---\n`)[0].field).toBe('date');
  });
});

describe('front-matter parsing is bounded', () => {
  it('refuses an alias bomb quickly, naming the file, without the expanded value', () => {
    const started = performance.now();
    const problems = problemsOf(aliasBomb());
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/x.md', field: 'front-matter' });
    expect(problems[0].message).toMatch(/alias/i);
    expect(problems[0].message.length).toBeLessThan(200);
  });

  it('caps the block, and says so', () => {
    const big = `---\n${'x: 1\n'.repeat(MAX_FRONT_MATTER_BYTES / 4)}---\n`;
    const started = performance.now();
    expect(problemsOf(big)[0].message).toMatch(/longer than 64 KB/);
    expect(performance.now() - started).toBeLessThan(1000);
    // Without a closing line the scan stops at the cap too, rather than reading the whole file as YAML.
    expect(problemsOf(`---\n${ok}${'y'.repeat(2 * MAX_FRONT_MATTER_BYTES)}`)[0].message).toMatch(/longer than/);
    expect(problemsOf(`---\n${ok}`)[0].message).toBe('has no closing --- line');
  });

  it('survives deep YAML nesting and long lines with a short message', () => {
    for (const yaml of ['['.repeat(100_000), `${'{a: '.repeat(10_000)}`, `title: "${'x'.repeat(60_000)}`]) {
      const started = performance.now();
      const problems = problemsOf(`---\n${yaml}\n---\n`);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(problems[0].field).toBe('front-matter');
      expect(problems[0].message.length).toBeLessThan(200);
    }
  });

  it('finds duplicate keys in one pass, however many keys a block has', () => {
    const started = performance.now();
    expect(problemsOf(`---\nx: {${'a,'.repeat(30_000)}}\n---\n`)[0].message).toBe('"a" is given twice');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problemsOf(`---\n${ok}title: again\n---\n`)[0].message).toBe('"title" is given twice');
  });

  it('refuses a file too large to be an article before reading it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-big-'));
    writeFileSync(path.join(dir, 'huge.md'), `---\n${ok}---\n${'word '.repeat(MAX_FILE_BYTES / 5 + 1)}`);
    const { problems } = loadContent(dir);
    rmSync(dir, { recursive: true });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'file', message: expect.stringMatching(/at most 4 MB/) }),
    ]);
  });

  it('splits at the first closing line and keeps the body as written', () => {
    expect(splitFrontMatter('---\na: 1\n...\nBody\n---\nmore')).toEqual({ yaml: 'a: 1\n', body: 'Body\n---\nmore' });
    expect(splitFrontMatter('No front-matter\n---\n')).toEqual({ yaml: '', body: 'No front-matter\n---\n' });
    expect(splitFrontMatter('----\nrule\n')).toEqual({ yaml: '', body: '----\nrule\n' });
  });
});

afterAll(() => rmSync(path.join(tmpdir(), `inkwell-ran-${process.pid}`), { force: true }));
