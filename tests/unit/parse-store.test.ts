import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeKey, loadParses, saveParses, storeFile } from '@/lib/content/parse-store';
import type { ParseCache } from '@/lib/content/types';

/** A project of its own: a lib/ with a nested folder, a lock file, and the store under its .next. */
let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const dir = '/content/of/the/site';
const cache: ParseCache = new Map([
  [
    '/content/of/the/site/one.md',
    { stamp: '1:2', result: { problems: [{ file: 'one.md', field: 'x', message: 'y' }] } },
  ],
]);
const forgetWarning = () => delete (globalThis as { __inkwellParseStoreWarned?: boolean }).__inkwellParseStoreWarned;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'inkwell-store-'));
  write('lib/content/parse.ts', 'export const parse = 1;\n');
  write('lib/server/server.mjs', 'export {};\n');
  write('lib/site.ts', 'export const site = {};\n');
  write('package-lock.json', '{}\n');
  forgetWarning();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  forgetWarning();
  rmSync(root, { recursive: true, force: true });
});

describe('the parse store key', () => {
  it('is made with folders in lib/, and changes when a file in a nested folder does', () => {
    const before = codeKey(root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(codeKey(root)).toBe(before);
    write('lib/server/server.mjs', 'export const changed = true;\n');
    const edited = codeKey(root);
    expect(edited).not.toBe(before);
    write('lib/server/deeper/new.mjs', 'export {};\n');
    expect(codeKey(root)).not.toBe(edited);
  });

  it('changes with the lock file', () => {
    const before = codeKey(root);
    write('package-lock.json', '{ "lockfileVersion": 3 }\n');
    expect(codeKey(root)).not.toBe(before);
  });
});

describe('the parse store', () => {
  it('gives back what was written, while the code stays the same', async () => {
    expect(loadParses(dir, root)).toEqual(new Map());
    await saveParses(dir, cache, root);
    expect(loadParses(dir, root)).toEqual(cache);
    write('lib/content/parse.ts', 'export const parse = 2;\n');
    expect(loadParses(dir, root)).toEqual(new Map());
    // None yet, or one made by other code: neither is a failure.
    expect(warn).not.toHaveBeenCalled();
  });

  it('says once when it cannot work, and the loader carries on without it', async () => {
    rmSync(path.join(root, 'package-lock.json'));
    await saveParses(dir, cache, root);
    await saveParses(dir, cache, root);
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store .*: .*package-lock\.json/)]]);
  });

  it('says so when the store it finds cannot be read', () => {
    write(path.relative(root, storeFile(dir, root)), 'not a store');
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store cannot be read: /)]]);
  });

  it('says so when it cannot be written', async () => {
    write('.next', 'a file where the cache folder would go');
    await saveParses(dir, cache, root);
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store cannot be written: /)]]);
    expect(loadParses(dir, root)).toEqual(new Map());
  });

  it('takes a store of the format before this one for a stale store, not a broken one', () => {
    write(path.relative(root, storeFile(dir, root)), '');
    writeFileSync(storeFile(dir, root), serialize({ key: codeKey(root), cache }));
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn).not.toHaveBeenCalled();
  });

  it('says so when the store is cut short', async () => {
    await saveParses(dir, many(600), root);
    const file = storeFile(dir, root);
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn.mock.calls).toEqual([
      [expect.stringMatching(/^content: the parse store cannot be read: it is cut short/)],
    ]);
  });
});

/** Parses enough for several pieces of the store. */
const many = (n: number): ParseCache =>
  new Map(
    Array.from({ length: n }, (_, i) => [
      `/content/of/the/site/${i}.md`,
      { stamp: `${i}:2`, result: { problems: [{ file: `${i}.md`, field: 'x', message: 'y'.repeat(i % 50) }] } },
    ]),
  );

describe('writing the parse store', () => {
  it('lets the event loop turn between its pieces, and gives back every parse', async () => {
    const parses = many(3000);
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    await saveParses(dir, parses, root);
    done = true;
    // A write in one piece would let it turn once at most, before the file is opened.
    expect(turns).toBeGreaterThanOrEqual(3000 / 256);
    expect(loadParses(dir, root)).toEqual(parses);
  });

  it('stops when asked, and leaves the store as it was', async () => {
    await saveParses(dir, cache, root);
    const stop = new AbortController();
    const saving = saveParses(dir, many(3000), root, stop.signal);
    stop.abort();
    await saving;
    expect(loadParses(dir, root)).toEqual(cache);
    expect(readdirSync(path.dirname(storeFile(dir, root)))).toEqual([path.basename(storeFile(dir, root))]);
    expect(existsSync(storeFile(dir, root))).toBe(true);
  });
});
