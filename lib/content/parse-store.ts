// `npm run dev` keeps the loader's parse of every file between runs, so that a restart reads only the
// files that changed since the last one. The store is one file per content folder in .next/cache, and
// its key is the loader's own code (every file below lib/) and the lock file: change either, and the
// next start parses every file again. A store that cannot be used is said once, and the loader carries
// on without it: dev only gets slower, but a store that stops working unseen would stay slow for good.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { filesUnder } from '../files.mjs';
import type { ParseCache } from './types';

/** The project: the code below its lib/ and its lock file make the key, its .next/cache holds the store. */
const projectRoot = () => process.cwd();

function sha(parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * What a parse depends on besides the file: the loader's code, its dependencies and the folder paths.
 * Every file below lib/, in every subfolder, by its path and its bytes; throws when one cannot be read.
 */
export function codeKey(root = projectRoot()): string {
  const files = filesUnder(path.join(/*turbopackIgnore: true*/ root, 'lib'));
  return sha([
    root,
    ...files.flatMap((file) => [path.relative(root, file), readFileSync(file)]),
    readFileSync(path.join(/*turbopackIgnore: true*/ root, 'package-lock.json')),
  ]);
}

export function storeFile(dir: string, root = projectRoot()): string {
  return path.join(
    /*turbopackIgnore: true*/ root,
    '.next',
    'cache',
    'inkwell',
    `parsed-${sha([dir]).slice(0, 16)}.bin`,
  );
}

interface Stored {
  key: string;
  cache: ParseCache;
}

// On globalThis, as the loader's memo is: once per process, however many route bundles load this module.
const state = globalThis as typeof globalThis & { __inkwellParseStoreWarned?: boolean };

/** One line in the log, the first time the store fails in this process; later failures add nothing. */
function warnOnce(what: string, error: unknown) {
  if (state.__inkwellParseStoreWarned) return;
  state.__inkwellParseStoreWarned = true;
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`content: the parse store ${what}: ${reason}`);
}

/** The key of this code, or undefined (and a warning) when the code cannot be read. */
function currentKey(root: string): string | undefined {
  try {
    return codeKey(root);
  } catch (error) {
    warnOnce('is not used, its key cannot be computed', error);
    return undefined;
  }
}

/** The parses kept by the last run on `dir`, if its code was this code; an empty cache otherwise. */
export function loadParses(dir: string, root = projectRoot()): ParseCache {
  let stored: Partial<Stored> | undefined;
  try {
    stored = deserialize(readFileSync(storeFile(dir, root)));
  } catch (error) {
    // No store yet is a first run on this folder, not a failure.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warnOnce('cannot be read', error);
    return new Map();
  }
  const key = currentKey(root);
  // A store of other code is stale, not broken: the next save replaces it.
  if (key === undefined || stored?.key !== key || !(stored.cache instanceof Map)) return new Map();
  return stored.cache;
}

/** Writes the parses for the next run, atomically: two servers on one folder never see half a file. */
export function saveParses(dir: string, cache: ParseCache, root = projectRoot()): void {
  const key = currentKey(root);
  if (key === undefined) return;
  const file = storeFile(dir, root);
  const temporary = `${file}.${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, serialize({ key, cache } satisfies Stored));
    renameSync(temporary, file);
  } catch (error) {
    warnOnce('cannot be written', error);
    try {
      rmSync(temporary, { force: true });
    } catch {}
  }
}
