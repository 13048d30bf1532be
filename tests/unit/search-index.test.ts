// `npm run search:index` as it runs: real indexer, worker and Pagefind processes, on generated articles,
// in a temporary project folder (its shard cache is the folder's .next/cache, never this repository's).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childrenOf, commandOf, deadPid, descendants, endedWithin, isAlive, node, until } from './processes';

const repo = path.resolve(import.meta.dirname, '..', '..');
const INDEXER = path.join(repo, 'scripts', 'search-index.mts');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/**
 * A project folder that sees this repository's code (the cache key reads lib/ and the lockfile from the
 * working folder; workers load tsx from it), holding `days` days of `perDay` articles.
 */
function project(days: number, perDay: number, under = tmpdir()): string {
  const root = mkdtempSync(path.join(under, 'inkwell-search-'));
  roots.push(root);
  for (const name of ['lib', 'node_modules', 'package-lock.json'])
    symlinkSync(path.join(repo, name), path.join(root, name));
  const content = path.join(root, 'content');
  mkdirSync(content);
  const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda sigma'.split(' ');
  for (let day = 1; day <= days; day++) {
    for (let i = 0; i < perDay; i++) {
      const body = Array.from({ length: 150 }, (_, j) => `${words[(i + j) % words.length]}${j % 23}`).join(' ');
      const date = `2026-01-${String(day).padStart(2, '0')}`;
      writeFileSync(
        path.join(content, `a${day}-${i}.md`),
        `---\ntitle: Article ${day} ${i}\ndate: ${date}\n---\n${body}\n`,
      );
    }
  }
  return root;
}

/** The indexer writing `output` in `root`'s project, a shard a day. */
function indexer(root: string, output: string, perShard: number) {
  return node(['--import', 'tsx', INDEXER, output, '--shard-articles', String(perShard)], {
    cwd: root,
    env: { CONTENT_DIR: path.join(root, 'content') },
  });
}

const cacheOf = (root: string) => path.join(root, '.next', 'cache', 'search-shards');

const runsPagefind = (pid: number) => childrenOf(pid).some((child) => commandOf(child).includes('pagefind'));

/** The indexer's workers, all started, once one of them is mid-shard (it has a Pagefind process). */
async function midShard(pid: number): Promise<{ workers: number[]; busy: number }> {
  return until(
    () => {
      const workers = childrenOf(pid);
      const busy = workers.find(runsPagefind);
      return workers.length >= Math.min(2, availableParallelism()) && busy !== undefined
        ? { workers, busy }
        : undefined;
    },
    30_000,
    'a worker mid-shard',
  );
}

/** Whether an index folder is whole: its manifest, and every shard it names with its Pagefind entry. */
function isWhole(output: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(output, 'shards.json'), 'utf8')) as { shards: { dir: string }[] };
  return (
    manifest.shards.length > 0 &&
    manifest.shards.every((shard) => existsSync(path.join(output, shard.dir, 'pagefind-entry.json')))
  );
}

describe('search:index processes', () => {
  it.skipIf(availableParallelism() < 2)(
    'fails, and stops its other workers, when a worker dies mid-shard',
    async () => {
      const root = project(8, 400);
      const run = indexer(root, path.join(root, 'out'), 400);
      const { workers, busy } = await midShard(run.pid);
      const others = workers.filter((worker) => worker !== busy).flatMap((w) => [w, ...descendants(w)]);
      process.kill(busy, 'SIGKILL');
      const ended = await endedWithin(run, 30_000);
      expect(run.output.stderr).not.toContain('ERR_IPC_CHANNEL_CLOSED');
      expect(run.output.stderr).toContain('mid-shard');
      expect(ended.code).toBe(1);
      await until(() => !others.some(isAlive), 10_000, 'the other workers to stop');
      expect(existsSync(path.join(root, 'out'))).toBe(false);
    },
    60_000,
  );

  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)(
    'stops its workers and their Pagefind processes on %s, exiting %i',
    async (signal, code) => {
      const root = project(6, 400);
      const run = indexer(root, path.join(root, 'out'), 400);
      await midShard(run.pid);
      const below = descendants(run.pid);
      process.kill(run.pid, signal);
      expect((await endedWithin(run, 30_000)).code).toBe(code);
      await until(() => !below.some(isAlive), 10_000, 'the workers to stop');
      // A worker removes the shard it was writing.
      await until(() => readdirSync(cacheOf(root)).every((name) => !name.includes('.partial')), 5_000, 'no half shard');
    },
    60_000,
  );

  it('lets two runs sharing one cache build the same shards at once, each into a whole index', async () => {
    const root = project(6, 400);
    const runs = [indexer(root, path.join(root, 'one'), 400), indexer(root, path.join(root, 'two'), 400)];
    const ended = await Promise.all(runs.map((run) => endedWithin(run, 60_000)));
    expect(ended.map((e) => e.code)).toEqual([0, 0]);
    expect(isWhole(path.join(root, 'one'))).toBe(true);
    expect(isWhole(path.join(root, 'two'))).toBe(true);
    expect(readdirSync(cacheOf(root)).filter((name) => name.includes('.partial'))).toEqual([]);
  }, 90_000);

  it('removes what stopped runs left half-made, keeps what live runs are writing, and replaces the index whole', async () => {
    const root = project(3, 2);
    const output = path.join(root, 'out');
    expect((await endedWithin(indexer(root, output, 2), 30_000)).code).toBe(0);
    const dead = await deadPid();
    const live = process.pid;
    const left = [
      path.join(cacheOf(root), `s-0.partial-${dead}`),
      `${output}.partial-${dead}`,
      `${output}.old-${dead}`,
    ];
    const kept = [
      path.join(cacheOf(root), `s-1.partial-${live}`),
      `${output}.partial-${live}`,
      // Another index's: not this run's to judge.
      path.join(root, `elsewhere.partial-${dead}`),
    ];
    for (const folder of [...left, ...kept]) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'file'), 'x');
    }
    writeFileSync(path.join(output, 'stale'), 'x');
    const run = indexer(root, output, 2);
    expect((await endedWithin(run, 30_000)).code, run.output.stderr).toBe(0);
    expect(left.filter(existsSync)).toEqual([]);
    expect(kept.filter(existsSync)).toEqual(kept);
    expect(isWhole(output)).toBe(true);
    expect(existsSync(path.join(output, 'stale'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('out.'))).toEqual([`out.partial-${live}`]);
  }, 60_000);

  it('tidies the cache past an entry another run removed meanwhile', async () => {
    const root = project(2, 2);
    mkdirSync(cacheOf(root), { recursive: true });
    // A link to nothing: stat fails on it as on a folder removed between the listing and the look.
    symlinkSync(path.join(root, 'gone'), path.join(cacheOf(root), 's-gone'));
    const run = indexer(root, path.join(root, 'out'), 2);
    expect((await endedWithin(run, 30_000)).code, run.output.stderr).toBe(0);
    expect(isWhole(path.join(root, 'out'))).toBe(true);
  }, 60_000);

  // /dev/shm is memory, another file system than the temporary folder's where both exist.
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otherDisk)(
    'links kept shards into an index on the same disk, and copies them to one on another',
    async () => {
      const root = project(2, 2);
      const here = path.join(root, 'out');
      expect((await endedWithin(indexer(root, here, 2), 30_000)).code).toBe(0);
      const entry = (output: string) => {
        const shard = readdirSync(output).find((name) => name.startsWith('s-')) as string;
        return statSync(path.join(output, shard, 'pagefind-entry.json'));
      };
      expect(entry(here).nlink).toBeGreaterThan(1);
      const elsewhere = mkdtempSync('/dev/shm/inkwell-search-');
      roots.push(elsewhere);
      const there = path.join(elsewhere, 'out');
      const run = indexer(root, there, 2);
      expect((await endedWithin(run, 30_000)).code, run.output.stderr).toBe(0);
      expect(isWhole(there)).toBe(true);
      expect(entry(there).nlink).toBe(1);
    },
    60_000,
  );
});
