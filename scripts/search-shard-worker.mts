// One search shard at a time, in a worker process of scripts/search-index.mts: each worker has its own
// Pagefind process (Pagefind indexes on one thread), so shards are indexed one per core. The worker
// reads each article's body from its file and makes its record, so that work is spread too.
import { renameSync, rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { Article } from '../lib/content';
import { searchRecord } from '../lib/search';

export interface ShardJob {
  articles: Article[];
  /** Written to `${output}.partial` first, then renamed: a stopped build leaves no half-made shard. */
  output: string;
}
export type ShardDone = { output: string; errors: string[]; seconds: number };

/** Fragments (the text a result shows) are bundled a few to a file, which saves most of a shard's files. */
const FRAGMENTS_PER_FILE = 4;
/** Records in flight: enough to keep Pagefind busy, few enough not to queue a shard's worth. */
const IN_FLIGHT = 64;

async function indexShard({ articles, output }: ShardJob): Promise<ShardDone> {
  const started = performance.now();
  const partial = `${output}.partial`;
  rmSync(partial, { recursive: true, force: true });
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
  if (errors.length === 0) {
    rmSync(output, { recursive: true, force: true });
    renameSync(partial, output);
  } else rmSync(partial, { recursive: true, force: true });
  return { output, errors, seconds: (performance.now() - started) / 1000 };
}

// Stopped with the index: its Pagefind process goes too.
process.on('SIGTERM', () => {
  pagefind.close().finally(() => process.exit(143));
});

process.on('message', async (job: ShardJob | 'close') => {
  if (job === 'close') return process.disconnect();
  try {
    process.send?.(await indexShard(job));
  } catch (error) {
    process.send?.({ output: job.output, errors: [String(error)], seconds: 0 } satisfies ShardDone);
  }
});
