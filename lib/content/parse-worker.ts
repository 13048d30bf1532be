// A worker thread of parse-workers.ts: it is given a chunk of article files at a time and answers with
// each file's stamp and parse, in the chunk's order. The parse is the loader's own (readArticleFile).
import { parentPort } from 'node:worker_threads';
import { fileStamp } from './files';
import { readArticleFile } from './parse';
import type { ParseResult } from './types';

/** A file's stamp, taken before it is read (as cachedParse does), and its parse; null when it cannot be stat-ed. */
export type WorkerParse = { stamp: string; result: ParseResult } | null;

function parse(file: string): WorkerParse {
  let stamp: string;
  try {
    stamp = fileStamp(file);
  } catch {
    // Left to the main thread, which meets the file as the single-threaded check would.
    return null;
  }
  return { stamp, result: readArticleFile(file) };
}

parentPort?.on('message', (files: string[]) => parentPort?.postMessage(files.map(parse)));
