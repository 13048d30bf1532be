// One search shard at a time, in a worker process of scripts/search-index.mts: each worker has its own
// Pagefind process (Pagefind indexes on one thread), so shards are indexed one per core. The worker
// reads each article's body from its file and makes its record, so that work is spread too.
import { renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import * as pagefind from 'pagefind';
import type { Article } from '../lib/content';
import { searchRecord } from '../lib/search';
import { hasCode } from './folders.mjs';

export interface ShardJob {
  articles: Article[];
  /** Written to `${output}.partial-<pid>` first, then renamed: a stopped build leaves no half-made shard. */
  output: string;
}
export type ShardDone = { output: string; errors: string[]; seconds: number };

/** Fragments (the text a result shows) are bundled a few to a file, which saves most of a shard's files. */
const FRAGMENTS_PER_FILE = 4;
/** Records in flight: enough to keep Pagefind busy, few enough not to queue a shard's worth. */
const IN_FLIGHT = 64;
/** The folder of the shard being written, removed if the worker is stopped. */
let writing: string | undefined;

async function indexShard({ articles, output }: ShardJob): Promise<ShardDone> {
  const started = performance.now();
  // This process's own: two runs building the same shard at once must not write into, or remove, each other's.
  const partial = `${output}.partial-${process.pid}`;
  writing = partial;
  const maxFragments = Math.max(1, Math.ceil(articles.length / FRAGMENTS_PER_FILE));
  const { index, errors } = await pagefind.createIndex({ maxFragments });
  if (!index) return { output, errors: [`Pagefind did not start: ${errors.join('; ')}`], seconds: 0 };
  for (let i = 0; i < articles.length; i += IN_FLIGHT) {
    const batch = articles.slice(i, i + IN_FLIGHT);
    const added = await Promise.all(batch.map((article) => index.addCustomRecord(searchRecord(article))));
    for (const result of added) errors.push(...result.errors);
  }
  errors.push(...(await index.writeFiles({ outputPath: partial })).errors);
  // A new Pagefind process for each shard: one kept for the next shard stays at its largest (~70 MB
  // more by the last of 20 at 100,000 articles).
  await pagefind.close();
  if (errors.length === 0) putInPlace(partial, output);
  else rmSync(partial, { recursive: true, force: true });
  writing = undefined;
  return { output, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * Renames a finished shard into the cache in one step. Where another run's copy got there first, that
 * one stays (equal ids, equal shards): removing it could pull it from under that run's linking.
 */
function putInPlace(partial: string, output: string) {
  try {
    renameSync(partial, output);
  } catch (error) {
    if (!hasCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Stops with its Pagefind process, and without the shard it was writing. */
function stop(code: number) {
  pagefind.close().finally(() => {
    if (writing) rmSync(writing, { recursive: true, force: true });
    process.exit(code);
  });
}

for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM'] as const) {
  process.on(signal, () => stop(128 + constants.signals[signal]));
}
// Told to close, or its indexer gone (killed outright, it could not stop its workers): nobody waits for a shard.
process.on('disconnect', () => stop(0));

process.on('message', async (job: ShardJob | 'close') => {
  if (job === 'close') return process.disconnect();
  try {
    process.send?.(await indexShard(job));
  } catch (error) {
    process.send?.({ output: job.output, errors: [String(error)], seconds: 0 } satisfies ShardDone);
  }
});
