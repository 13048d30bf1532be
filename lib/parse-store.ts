// `npm run dev` keeps the loader's parse of every file between runs, so that a restart reads only the
// files that changed since the last one. The store is one file per content folder in .next/cache, and
// its key is the loader's own code (everything in lib/) and the lock file: change either, and the next
// start parses every file again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseCache } from './content';

const root = () => process.cwd();

function sha(parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** What a parse depends on besides the file: the loader's code, its dependencies and the folder paths. */
function codeKey(): string {
  const lib = path.join(/*turbopackIgnore: true*/ root(), 'lib');
  const files = readdirSync(lib).sort();
  return sha([
    root(),
    ...files.flatMap((f) => [f, readFileSync(path.join(lib, f))]),
    readFileSync(path.join(/*turbopackIgnore: true*/ root(), 'package-lock.json')),
  ]);
}

export function storeFile(dir: string): string {
  return path.join(
    /*turbopackIgnore: true*/ root(),
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

/** The parses kept by the last run on `dir`, if its code was this code; an empty cache otherwise. */
export function loadParses(dir: string): ParseCache {
  try {
    const stored = deserialize(readFileSync(storeFile(dir))) as Stored;
    if (stored.key === codeKey() && stored.cache instanceof Map) return stored.cache;
  } catch {}
  return new Map();
}

/** Writes the parses for the next run, atomically: two servers on one folder never see half a file. */
export function saveParses(dir: string, cache: ParseCache): void {
  const file = storeFile(dir);
  const temporary = `${file}.${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, serialize({ key: codeKey(), cache } satisfies Stored));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
