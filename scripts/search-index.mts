// `npm run search:index [folder]`: writes the Pagefind index of every published article, from the
// content folder rather than from rendered pages (lib/search.ts). The builds run it beside `next build` (scripts/build.mjs);
// on a running Node host, run it alone to catch search up with new content: `npm start` serves
// /pagefind/ from the folder as it is, so no restart is needed. Default folder: public/pagefind.
//
// The index is cut into shards of whole days (lib/search-shards.ts), written as folders beside a
// manifest (shards.json) that the search page reads. A shard is built once: it is kept in
// .next/cache/search-shards under its id, and a later run whose shard has the same id copies it.
// Shards to build are shared among worker processes, one per core (scripts/search-shard-worker.mts).
// For tests: --shard-articles N and --recent-articles N change the sizes. The build passes
// --one-core-until-signalled: it starts the index with `next build` and signals when Next's pages are
// rendered. Until then the index reads the content and, when only one shard changed, builds it on one
// core; a cold index waits for the signal and then takes every core.

import { type ChildProcess, fork } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, formatProblem, loadContent } from '../lib/content';
import { fileStamp } from '../lib/content/files';
import { codeKey, loadParses } from '../lib/content/parse-store';
import { recordKey } from '../lib/search';
import { MANIFEST, planShards, RECENT_ARTICLES, SHARD_ARTICLES, type Shard, shardManifest } from '../lib/search-shards';
import type { ShardDone, ShardJob } from './search-shard-worker.mts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'shard-articles': { type: 'string' },
    'recent-articles': { type: 'string' },
    'one-core-until-signalled': { type: 'boolean' },
  },
});
const positive = (name: string, value: string | undefined, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`search:index: --${name} must be a whole number ≥ 1`);
  return n;
};
const shardArticles = positive('shard-articles', values['shard-articles'], SHARD_ARTICLES);
const recentArticles = positive('recent-articles', values['recent-articles'], RECENT_ARTICLES);
const cacheDir = path.resolve('.next', 'cache', 'search-shards');
// A worker is TypeScript too: it runs under tsx's loader, as this script does.
const WORKER = fileURLToPath(new URL('./search-shard-worker.mts', import.meta.url));
const gentle = values['one-core-until-signalled'] === true;
/** With --one-core-until-signalled: this many shards to build are built before the signal, more wait. */
const GENTLE_SHARDS = 1;
let signalled = false;
let onSignal = () => {};
process.on('SIGUSR2', () => {
  signalled = true;
  onSignal();
});
// scripts/build.mjs waits for these words before it signals.
if (gentle) console.log('search:index: on one core until the pages are rendered');
/** Kept shards not used by a run for this long are removed. */
const KEEP_UNUSED_MS = 7 * 24 * 3600 * 1000;
const PARTIAL_STALE_MS = 3600 * 1000;

/**
 * The shards not in the cache, built by worker processes, one per core; resolves with their errors.
 * With --one-core-until-signalled (the build, while `next build` renders), one worker for one shard, and
 * none for more, until the process gets SIGUSR2; then one per core.
 */
async function buildShards(shards: Shard[]): Promise<string[]> {
  const queue = [...shards].sort((a, b) => b.articles.length - a.articles.length);
  const errors: string[] = [];
  const lanes: Promise<void>[] = [];
  let wake = () => {};
  const woken = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const lane = async () => {
    // Structured clone, as between threads: an article's dates and maps arrive as they are.
    const worker = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const done = await ask(worker, { articles: shard.articles, output: path.join(cacheDir, shard.dir) });
        errors.push(...done.errors.map((e) => `${shard.dir}: ${e}`));
        console.log(
          `search:index: ${shard.dir} (${shard.from} to ${shard.to}, ${shard.articles.length} articles) in ${done.seconds.toFixed(1)} s`,
        );
      }
    } finally {
      worker.send('close');
      await ended;
    }
  };
  const widen = (count: number) => {
    while (lanes.length < Math.min(count, shards.length) && queue.length > 0) lanes.push(lane());
  };
  // Before the signal, one shard (a rebuild's edit) is indexed beside Next; more (a cold build) wait
  // for it, as a second process at full speed slows Next's rendering by more than it saves.
  widen(!gentle || signalled ? availableParallelism() : shards.length <= GENTLE_SHARDS ? 1 : 0);
  onSignal = () => {
    widen(availableParallelism());
    wake();
  };
  if (lanes.length === 0 && shards.length > 0) {
    // A signal handler keeps no process alive: this timer does, until the signal comes.
    const alive = setInterval(() => {}, 60_000);
    await woken;
    clearInterval(alive);
  }
  // Lanes added while waiting are waited for too.
  for (let waited = 0; waited < lanes.length; ) {
    const count = lanes.length;
    await Promise.all(lanes);
    waited = count;
  }
  onSignal = () => {};
  return errors;
}

/** One shard's job for a worker, answered by its message; a worker that dies first fails it. */
function ask(worker: ChildProcess, job: ShardJob): Promise<ShardDone> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      finish();
    };
    const onMessage = (done: ShardDone) => settle(() => resolve(done));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number | null) => settle(() => reject(new Error(`a worker ended (${code}) mid-shard`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.send(job);
  });
}

/** Shards kept for a week unused go (and half-made ones left behind); the ones just used are touched. */
function tidyCache(used: Shard[]) {
  const now = new Date();
  const keep = new Set(used.map((s) => s.dir));
  for (const name of readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, name);
    if (keep.has(name)) continue;
    // A half-made shard an hour old was left by a stopped run; a younger one may be another run's.
    const limit = name.endsWith('.partial') ? PARTIAL_STALE_MS : KEEP_UNUSED_MS;
    if (now.getTime() - statSync(folder).mtimeMs > limit) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  for (const dir of keep) utimesSync(path.join(cacheDir, dir), now, now);
}

async function main() {
  const output = path.resolve(positionals[0] ?? 'public/pagefind');
  const started = performance.now();
  const dir = contentDir();
  // The parses the builds' content check kept: files unchanged since are not read again.
  const { index: content, problems } = loadContent(dir, { cache: loadParses(dir) });
  for (const p of problems) console.warn(`search:index: left out: ${formatProblem(p)}`);

  const code = codeKey();
  const shards = planShards(content.articles, (a) => recordKey(a, fileStamp(a.filePath)), code, shardArticles);
  mkdirSync(cacheDir, { recursive: true });
  const missing = shards.filter((s) => !existsSync(path.join(cacheDir, s.dir)));
  const errors = await buildShards(missing);
  if (errors.length > 0) {
    console.error(`search:index: ${errors.join('\n')}`);
    process.exitCode = 1;
    return;
  }

  // Written beside the destination and moved into place, so a reader never sees half an index.
  const staging = `${output}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const shard of shards)
    cpSync(path.join(cacheDir, shard.dir), path.join(staging, shard.dir), { recursive: true });
  writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(shardManifest(shards, recentArticles))}\n`);
  rmSync(output, { recursive: true, force: true });
  renameSync(staging, output);
  tidyCache(shards);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `search:index: ${content.articles.length} articles indexed into ${path.relative(process.cwd(), output)} in ${seconds} s (${shards.length} shards, ${missing.length} built, ${shards.length - missing.length} kept)`,
  );
}

main();
