import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  it('gives back what was written, while the code stays the same', () => {
    expect(loadParses(dir, root)).toEqual(new Map());
    saveParses(dir, cache, root);
    expect(loadParses(dir, root)).toEqual(cache);
    write('lib/content/parse.ts', 'export const parse = 2;\n');
    expect(loadParses(dir, root)).toEqual(new Map());
    // None yet, or one made by other code: neither is a failure.
    expect(warn).not.toHaveBeenCalled();
  });

  it('says once when it cannot work, and the loader carries on without it', () => {
    rmSync(path.join(root, 'package-lock.json'));
    saveParses(dir, cache, root);
    saveParses(dir, cache, root);
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store .*: .*package-lock\.json/)]]);
  });

  it('says so when the store it finds cannot be read', () => {
    write(path.relative(root, storeFile(dir, root)), 'not a store');
    expect(loadParses(dir, root)).toEqual(new Map());
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store cannot be read: /)]]);
  });

  it('says so when it cannot be written', () => {
    write('.next', 'a file where the cache folder would go');
    saveParses(dir, cache, root);
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^content: the parse store cannot be written: /)]]);
    expect(loadParses(dir, root)).toEqual(new Map());
  });
});
