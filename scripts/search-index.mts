// `npm run search:index [folder]`: writes the Pagefind index of every published article, from the
// content folder rather than from rendered pages (lib/search.ts). The builds run it beside `next build` (scripts/build.mjs);
// on a running Node host, run it alone to catch search up with new content: `npm start` serves
// /pagefind/ from the folder as it is, so no restart is needed. Default folder: public/pagefind.
//
// The index is cut into shards of whole days (lib/search-shards.ts), written as folders beside a
// manifest (shards.json) that the search page reads. A shard is built once: it is kept in
// .next/cache/search-shards under its id, and a later run whose shard has the same id copies it.
// Shards to build are shared among worker processes, one per core (scripts/search-shard-worker.mts).
// For tests: --shard-articles N and --recent-articles N change the sizes. The build passes --background:
// the index runs beside `next build` at the lowest priority, so it takes only the CPU Next leaves (a
// second process at full speed slowed Next's rendering from 38 to 118 s), and all of it once Next is done.

import { type ChildProcess, fork } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, constants, setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, formatProblem, loadContent } from '../lib/content';
import { fileStamp } from '../lib/content/files';
import { codeKey, loadParses } from '../lib/content/parse-store';
import { recordKey } from '../lib/search';
import { MANIFEST, planShards, RECENT_ARTICLES, SHARD_ARTICLES, type Shard, shardManifest } from '../lib/search-shards';
import { hasCode, replaceFolder } from './folders.mjs';
import type { ShardDone, ShardJob } from './search-shard-worker.mts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'shard-articles': { type: 'string' },
    'recent-articles': { type: 'string' },
    background: { type: 'boolean' },
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
// Its worker processes, and their Pagefind processes, inherit the priority. It must share the build's
// session for this to count: Linux weighs each session's processes together (autogroups).
if (values.background) setPriority(constants.priority.PRIORITY_LOW);
/** Workers running, to stop with this process. */
const workers = new Set<ChildProcess>();
/** This run's index while it is written, removed if the run ends before moving it into place. */
let staging: string | undefined;
// However the indexer ends (done, failed, or stopped), its workers end with it: a worker left running
// keeps a core and its Pagefind process busy for a run that is gone.
process.on('exit', () => {
  for (const worker of workers) worker.kill('SIGTERM');
  if (staging) rmSync(staging, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(128 + constants.signals[signal]));
}
/** Kept shards not used by a run for this long are removed. */
const KEEP_UNUSED_MS = 7 * 24 * 3600 * 1000;
/** A folder named for the process working on it: `<name>.partial-<pid>` being written, `<name>.old-<pid>` being removed. */
const WORKING = /^(.*)\.(?:partial|old)-(\d+)$/;

/** The shards not in the cache, built by worker processes, one per core; resolves with their errors. */
async function buildShards(shards: Shard[]): Promise<string[]> {
  const queue = [...shards].sort((a, b) => b.articles.length - a.articles.length);
  const errors: string[] = [];
  const lane = async () => {
    const { worker, ended } = startWorker();
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const done = await ask(worker, { articles: shard.articles, output: path.join(cacheDir, shard.dir) });
        errors.push(...done.errors.map((e) => `${shard.dir}: ${e}`));
        console.log(
          `search:index: ${shard.dir} (${shard.from} to ${shard.to}, ${shard.articles.length} articles) in ${done.seconds.toFixed(1)} s`,
        );
      }
    } finally {
      // A worker that died has no channel left to be told on.
      if (worker.connected) worker.send('close');
      else worker.kill('SIGTERM');
      await ended;
      workers.delete(worker);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), shards.length) }, lane));
  return errors;
}

/** A worker process, and the promise of its end. */
function startWorker(): { worker: ChildProcess; ended: Promise<void> } {
  // Structured clone, as between threads: an article's dates and maps arrive as they are.
  const worker = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
  workers.add(worker);
  const ended = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    // Always listened for: an 'error' with no listener (a send as the worker dies) would end this process.
    // A job in flight reports it (ask); a worker that never started has no 'exit' to wait for.
    worker.on('error', () => {
      if (worker.pid === undefined) resolve();
    });
  });
  return { worker, ended };
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
    const onExit = (code: number | null, signal: string | null) =>
      settle(() => reject(new Error(`a worker ended (${signal ?? code}) mid-shard`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.send(job);
  });
}

/**
 * A copy of a folder made of hard links, since a kept shard is never written again (26,000 files and
 * 207 MB at 100,000 articles); of copies where a link cannot be made (another disk).
 */
function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch (error) {
        // Only a link the disk refuses is copied instead: a shard gone or a full disk must fail the run.
        if (!hasCode(error, 'EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK')) throw error;
        copyFileSync(source, target);
      }
    }
  }
}

/** Whether a process is running (another user's counts, though it cannot be signalled). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return hasCode(error, 'EPERM');
  }
}

/** Whether a folder was left half-made or half-removed by a process that is gone: none will finish it. */
function isAbandoned(name: string, of?: string): boolean {
  const match = WORKING.exec(name);
  return match !== null && (of === undefined || match[1] === of) && !isRunning(Number(match[2]));
}

/** Milliseconds since a folder was last used; 0 for one another run removed meanwhile. */
function unusedFor(folder: string, now: Date): number {
  try {
    return now.getTime() - statSync(folder).mtimeMs;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return 0;
    throw error;
  }
}

/** Shards kept for a week unused go (and half-made ones of stopped runs); the ones just used are touched. */
function tidyCache(used: Shard[]) {
  const now = new Date();
  const keep = new Set(used.map((s) => s.dir));
  for (const name of readdirSync(cacheDir)) {
    if (keep.has(name)) continue;
    const folder = path.join(cacheDir, name);
    // A live run's half-made shard is left to it, however old.
    const gone = WORKING.test(name) ? isAbandoned(name) : unusedFor(folder, now) > KEEP_UNUSED_MS;
    if (gone) rmSync(folder, { recursive: true, force: true });
  }
  for (const dir of keep) utimesSync(path.join(cacheDir, dir), now, now);
}

/** Indexes that runs stopped mid-write (or mid-removal) left beside `output`. */
function tidyBeside(output: string) {
  const parent = path.dirname(output);
  for (const name of readdirSync(parent)) {
    if (isAbandoned(name, path.basename(output))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
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
  staging = `${output}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const shard of shards) linkTree(path.join(cacheDir, shard.dir), path.join(staging, shard.dir));
  writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(shardManifest(shards, recentArticles))}\n`);
  replaceFolder(output, staging);
  staging = undefined;
  tidyCache(shards);
  tidyBeside(output);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `search:index: ${content.articles.length} articles indexed into ${path.relative(process.cwd(), output)} in ${seconds} s (${shards.length} shards, ${missing.length} built, ${shards.length - missing.length} kept)`,
  );
}

main().catch((error) => {
  console.error(`search:index: ${error instanceof Error ? error.message : error}`);
  // Now, not when the other workers are done: the exit stops them.
  process.exit(1);
});
