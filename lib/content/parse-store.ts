// `npm run dev` keeps the loader's parse of every file between runs, so that a restart reads only the
// files that changed since the last one. The store is one file per content folder in .next/cache, and
// its key is the loader's own code (every file below lib/) and the lock file: change either, and the
// next start parses every file again. A store that cannot be used is said once, and the loader carries
// on without it: dev only gets slower, but a store that stops working unseen would stay slow for good.
//
// The store is written a piece at a time, each piece serialised on its own between writes, so that a
// server keeps answering while it is written: in one piece, 100,000 parses held the event loop for
// 0.6-1.5 s. It is read in one go, at start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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

/** What a store begins with, then its key and a line break, then its pieces. */
const FORMAT = Buffer.from('inkwell parses 2\n');
/** Parses serialised at once: a few hundred kilobytes, a few milliseconds of the event loop. */
const PIECE = 256;
/** v8.serialize's first byte: how the store this format replaced began, which is stale, not broken. */
const V8_HEADER = 0xff;

// On globalThis, as the loader's memo is: once per process, however many route bundles load this module.
const state = globalThis as typeof globalThis & {
  __inkwellParseStoreWarned?: boolean;
  /** Counts the writes begun, so that two at once never share a temporary file. */
  __inkwellParseStoreWrites?: number;
};

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
  let bytes: Buffer;
  try {
    bytes = readFileSync(storeFile(dir, root));
  } catch (error) {
    // No store yet is a first run on this folder, not a failure.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warnOnce('cannot be read', error);
    return new Map();
  }
  const key = currentKey(root);
  if (key === undefined) return new Map();
  try {
    // A store of other code is stale, not broken: the next save replaces it.
    return readStore(bytes, key) ?? new Map();
  } catch (error) {
    warnOnce('cannot be read', error);
    return new Map();
  }
}

/** The parses a store holds, or undefined when other code (or an older format) wrote it; throws when it is broken. */
function readStore(bytes: Buffer, key: string): ParseCache | undefined {
  if (!bytes.subarray(0, FORMAT.length).equals(FORMAT)) {
    if (bytes[0] === V8_HEADER) return undefined;
    throw new Error('it is not a parse store');
  }
  const keyEnd = bytes.indexOf(0x0a, FORMAT.length);
  if (keyEnd < 0 || bytes.toString('latin1', FORMAT.length, keyEnd) !== key) return undefined;
  const cache: ParseCache = new Map();
  let at = keyEnd + 1;
  while (at < bytes.length) {
    const length = at + 4 <= bytes.length ? bytes.readUInt32BE(at) : Number.POSITIVE_INFINITY;
    if (at + 4 + length > bytes.length) throw new Error('it is cut short');
    const piece: unknown = deserialize(bytes.subarray(at + 4, at + 4 + length));
    if (!Array.isArray(piece)) throw new Error('a piece of it is not a list of parses');
    for (const [file, parse] of piece) cache.set(file, parse);
    at += 4 + length;
  }
  return cache;
}

/**
 * Writes the parses for the next run, a piece at a time and atomically: two servers on one folder never
 * see half a file. The parses are those in `cache` when it is called; `signal` stops the write, leaving
 * the store as it was.
 */
export async function saveParses(
  dir: string,
  cache: ParseCache,
  root = projectRoot(),
  signal?: AbortSignal,
): Promise<void> {
  const key = currentKey(root);
  if (key === undefined) return;
  const file = storeFile(dir, root);
  state.__inkwellParseStoreWrites = (state.__inkwellParseStoreWrites ?? 0) + 1;
  const temporary = `${file}.${process.pid}.${state.__inkwellParseStoreWrites}`;
  const parses = [...cache];
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    handle = await open(/*turbopackIgnore: true*/ temporary, 'w');
    await handle.write(Buffer.concat([FORMAT, Buffer.from(`${key}\n`, 'latin1')]));
    for (let i = 0; i < parses.length && !signal?.aborted; i += PIECE) {
      const piece = serialize(parses.slice(i, i + PIECE));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(piece.length);
      await handle.writev([length, piece]);
    }
    await handle.close();
    handle = undefined;
    if (!signal?.aborted) await rename(/*turbopackIgnore: true*/ temporary, file);
  } catch (error) {
    warnOnce('cannot be written', error);
  } finally {
    await handle?.close().catch(() => {});
    await rm(/*turbopackIgnore: true*/ temporary, { force: true }).catch(() => {});
  }
}
