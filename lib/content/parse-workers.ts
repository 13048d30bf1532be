// The cold parse of a large folder spread over the machine's cores: `npm run content:check` parses every
// file it has no parse of in worker threads (parse-worker.ts) and puts the parses into its cache, so that
// readArticles then finds each one there and only indexes. A worker parses as the main thread would
// (readArticleFile), so the check says the same either way; what a worker does not give back (it failed
// to start, or died on a chunk) is parsed by readArticles in the main thread, as before.
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileStamp, listArticleFiles } from './files';
import type { WorkerParse } from './parse-worker';
import type { ParseCache } from './types';

/**
 * A worker pays for itself past ~5,000 files: it costs ~0.3 s to start (tsx, zod, the parser) and as much
 * again while its JIT warms up, then parses at ~0.15 ms a file. On this 2-core machine two workers parse
 * 10,000 files as fast as the main thread alone, 20,000 in 2.7 s against 3.5 s, 100,000 in 10 s against 16.
 */
const FILES_PER_WORKER = 5000;
/** Files a worker is given at once: small enough that the workers finish together, large enough to cost no messages. */
const CHUNK = 256;

export interface WorkerOptions {
  /** Workers to start; by default workersFor the files to parse. */
  workers?: number;
  /** The files a worker is given at once. */
  chunk?: number;
  /** The worker's module: tests give one that fails. */
  worker?: URL;
}

/**
 * Parses in worker threads the article files of `dir` that `cache` holds no parse of at their current
 * stamp, and puts those parses into `cache`, in the folder's order. Gives every article file's stamp, for
 * readArticles to reuse, or undefined when it could not take them all (the folder cannot be listed, a
 * file cannot be stat-ed, a worker failed): readArticles then lists and stats the folder itself.
 */
export async function parseInWorkers(
  dir: string,
  cache: ParseCache,
  options: WorkerOptions = {},
): Promise<Map<string, string> | undefined> {
  let files: string[];
  try {
    files = listArticleFiles(dir);
  } catch {
    return undefined;
  }
  // A cache with parses in it is looked at first; an empty one misses every file, so the workers stat them.
  const stamps = new Map<string, string>();
  let todo = files;
  if (cache.size > 0) {
    todo = [];
    for (const file of files) {
      let stamp: string;
      try {
        stamp = fileStamp(file);
      } catch {
        return undefined;
      }
      stamps.set(file, stamp);
      if (cache.get(file)?.stamp !== stamp) todo.push(file);
    }
  }
  const parses = await inWorkers(todo, options);
  let missed = false;
  for (const [i, file] of todo.entries()) {
    const parse = parses[i];
    if (!parse) {
      missed = true;
      continue;
    }
    cache.set(file, parse);
    stamps.set(file, parse.stamp);
  }
  // In the folder's order either way: an empty cache's stamps come back in the order the files were given.
  return missed ? undefined : stamps;
}

/** How many workers `count` files are worth: none unless two or more are, since one alone only waits longer. */
export function workersFor(count: number, cores = os.availableParallelism()): number {
  const workers = Math.min(cores, Math.floor(count / FILES_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/** Each file's parse, in the order given; null for a file no worker gave back. */
async function inWorkers(files: string[], options: WorkerOptions): Promise<WorkerParse[]> {
  const parses: WorkerParse[] = new Array(files.length).fill(null);
  const count = options.workers ?? workersFor(files.length);
  if (count === 0 || files.length === 0) return parses;
  const size = options.chunk ?? CHUNK;
  const starts: number[] = [];
  for (let at = 0; at < files.length; at += size) starts.push(at);
  let next = 0;
  let warned = false;
  const warn = (reason: string) => {
    if (warned) return;
    warned = true;
    console.warn(`content: a parse worker ${reason}; the files it had are parsed in the main thread`);
  };

  let execArgv: string[];
  try {
    // A worker's module is TypeScript, as this one is. tsx's own flags (`--import` of its loader) leave a
    // worker unable to load a .ts file on Node 20 (tsx issue #354), so the worker gets its CommonJS hook alone.
    execArgv = ['--require', createRequire(import.meta.url).resolve('tsx/cjs')];
  } catch (error) {
    warn(`cannot start (${(error as Error).message})`);
    return parses;
  }
  const module = options.worker ?? new URL('./parse-worker.ts', import.meta.url);

  const run = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(module, { execArgv });
      } catch (error) {
        warn(`cannot start (${(error as Error).message})`);
        return resolve();
      }
      let at: number | undefined;
      const give = () => {
        at = starts[next++];
        if (at === undefined) void worker.terminate();
        else worker.postMessage(files.slice(at, at + size));
      };
      worker.on('message', (answer: WorkerParse[]) => {
        if (at !== undefined) for (const [i, parse] of answer.entries()) parses[at + i] = parse;
        give();
      });
      worker.on('error', (error) => warn(`failed (${error.message})`));
      worker.on('exit', (code) => {
        if (at !== undefined) warn(`stopped (exit code ${code})`);
        resolve();
      });
      give();
    });
  await Promise.all(Array.from({ length: count }, run));
  return parses;
}
