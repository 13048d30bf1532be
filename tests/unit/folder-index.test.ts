// The index the Node host and `npm run dev` keep (FolderIndex, patched file by file so that a change to
// one of 100,000 articles costs milliseconds) is, after any sequence of changes, the index a fresh read
// of the folder gives: same articles in the same order, same slug keepers, problems, terms and months.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent, readArticleFile, readProfiles } from '@/lib/content';
import { FolderIndex, publishedBy, publishedCount } from '@/lib/content/build-index';
import { merged } from '@/lib/content/sorted';
import { buildTerms, TermBook } from '@/lib/content/terms';
import type { ContentIndex, ParseResult } from '@/lib/content/types';
import { ARTICLE_PATHS, applyChange, type Change, change, PROFILE_PATHS, plainIndex } from './folder-changes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-folder-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Both indexes, drafts left out (the Node host) and kept (dev), patched with what each change touched, as live.ts does. */
function patchedIndexes() {
  const indexes = [false, true].map((includeDrafts) => ({
    includeDrafts,
    folder: new FolderIndex(dir, includeDrafts),
  }));
  return (touched: string[]) =>
    indexes.map(({ includeDrafts, folder }) => {
      const parses = new Map<string, ParseResult | undefined>();
      for (const file of touched) {
        if (ARTICLE_PATHS.includes(path.relative(dir, file))) {
          parses.set(file, existsSync(file) ? readArticleFile(file) : undefined);
        }
      }
      const profiles = touched.some((file) => PROFILE_PATHS.includes(path.relative(dir, file)))
        ? readProfiles(dir)
        : undefined;
      return { includeDrafts, index: folder.update({ parses, profiles }) };
    });
}

/** Makes each change, checks both patched indexes against fresh reads, and gives the last ones. */
function freshAfterEach(patch: ReturnType<typeof patchedIndexes>, changes: Change[]) {
  let last: ReturnType<ReturnType<typeof patchedIndexes>> = [];
  for (const c of changes) {
    last = patch(applyChange(dir, c));
    for (const { includeDrafts, index } of last) {
      expect(plainIndex(index)).toEqual(plainIndex(loadContent(dir, { includeDrafts }).index));
    }
  }
  return { published: last[0].index, withDrafts: last[1].index };
}

const source = (fields: string) => `---\n${fields}\n---\nA body.\n`;
const write = (file: string, fields: string): Change => ({ kind: 'write', file, source: source(fields) });

describe('the index patched file by file', () => {
  it('follows a respelled tag, a slug two files claim, a draft, a rename, a profile and old paths', () => {
    const patch = patchedIndexes();
    const names = (index: ContentIndex) => index.articles.map((a) => path.relative(dir, a.filePath));
    let now = freshAfterEach(patch, [
      write('b.md', "title: Bee\ndate: '2026-05-01'\ntags: [ai, Robotics]"),
      write('z.mdx', "title: Zed\ndate: '2026-05-02'\ntags: [ai]\nauthor: ada winters"),
      // A spelling with more capitals: every article tagged ai now shows AI.
      write('a.md', "title: Ay\ndate: '2026-04-01'\ntags: [AI]"),
    ]);
    expect(now.published.articles.flatMap((a) => a.tags.map((t) => t.name))).toEqual(['AI', 'AI', 'Robotics', 'AI']);
    // sub/a.md comes after a.md in the folder's order: a.md keeps the slug, though written later.
    now = freshAfterEach(patch, [write('sub/a.md', "title: Another Ay\ndate: '2026-06-01'")]);
    expect(now.published.bySlug.get('a')?.title).toBe('Ay');
    expect(now.published.problems.map((p) => p.field)).toEqual(['slug']);
    now = freshAfterEach(patch, [
      { kind: 'delete', file: 'a.md' },
      write('b.md', "title: Bee\ndate: '2026-05-01'\ntags: [ai, Robotics]\ndraft: true"),
      { kind: 'rename', from: 'z.mdx', to: 'sub/deeper/c.md' },
    ]);
    expect(now.published.bySlug.get('a')?.title).toBe('Another Ay');
    expect(names(now.published)).toEqual(['sub/a.md', 'sub/deeper/c.md']);
    expect(names(now.withDrafts)).toEqual(['sub/a.md', 'sub/deeper/c.md', 'b.md']);
    now = freshAfterEach(patch, [
      write('_authors/ada.md', 'name: Ada Winters'),
      // /articles/a is sub/a.md's URL now: this file is left out, and named.
      write('sub-x.md', "title: Old paths\ndate: '2026-05-01'\naliases: [/articles/a, /old/one]"),
    ]);
    // The profile's spelling of the name wins over the file's (ada winters).
    expect(now.published.authors.terms.map((t) => t.name)).toContain('Ada Winters');
    expect(now.published.profiles.has('ada-winters')).toBe(true);
    expect(now.published.problems.map((p) => [path.basename(p.file), p.field])).toEqual([['sub-x.md', 'aliases']]);
    now = freshAfterEach(patch, [{ kind: 'delete', file: 'sub/a.md' }]);
    expect(names(now.published)).toEqual(['sub/deeper/c.md', 'sub-x.md']);
  });

  it('is what a fresh read gives after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 20 }), (changes) => {
        rmSync(dir, { recursive: true, force: true });
        dir = mkdtempSync(path.join(tmpdir(), 'inkwell-folder-index-'));
        freshAfterEach(patchedIndexes(), changes);
      }),
      { numRuns: 200, seed: 21 },
    );
  });
});

describe('publishedCount', () => {
  it('counts what publishedBy gives, at any time, on the index newest first', () => {
    const { index } = loadContent(path.resolve(__dirname, '../fixtures/site'));
    for (const article of index.articles) {
      for (const ms of [-1, 0, 1]) {
        const now = new Date(new Date(article.date.iso).getTime() + ms);
        expect(publishedCount(index.articles, now)).toBe(publishedBy(index.articles, now).length);
      }
    }
    expect(publishedCount([], new Date())).toBe(0);
  });
});

describe('the terms counted as articles come and go', () => {
  it('are, after every settle, the terms of the spellings counted', () => {
    const spelling = fc.constantFrom('AI', 'ai', 'AI/ML', 'AI ML', 'ai-ml', 'Gen  AI', 'gen ai', '!!!', '  ');
    const step = fc.array(fc.record({ spelling, by: fc.constantFrom(1, -1) as fc.Arbitrary<1 | -1> }), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const book = new TermBook({ 'gen ai': 'GenAI' });
        const counted: string[] = [];
        for (const changes of steps) {
          for (const { spelling, by } of changes) {
            // Only what was counted can be taken back, as an article's spellings are.
            if (by === -1 && !counted.includes(spelling)) continue;
            book.count(spelling, by);
            if (by === 1) counted.push(spelling);
            else counted.splice(counted.indexOf(spelling), 1);
          }
          book.settle();
          const fresh = buildTerms(counted, { 'gen ai': 'GenAI' });
          expect(new Map([...book.all()].map(([k, t]) => [k, { ...t }]))).toEqual(fresh);
        }
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});

describe('merged', () => {
  it('is the sorted list without the items gone and with those added', () => {
    const numbers = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 60 });
    fc.assert(
      fc.property(numbers, numbers, (kept, candidates) => {
        const list = [...kept].sort((a, b) => a - b);
        const gone = list.filter((n) => n % 3 === 0);
        const added = candidates.filter((n) => !list.includes(n)).sort((a, b) => a - b);
        const expected = [...list.filter((n) => !gone.includes(n)), ...added].sort((a, b) => a - b);
        expect(merged(list, gone, added, (a, b) => a - b)).toEqual(expected);
      }),
    );
  });

  it('refuses to take out an item the list does not hold', () => {
    expect(() => merged([1, 2, 3], [4], [], (a, b) => a - b)).toThrow(/not in the list/);
  });
});
