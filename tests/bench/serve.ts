// `npm run bench -- --serve [--soak MINUTES]`: the Node host. Its build (default PRERENDER_NEWEST) against
// the static export's; the time to ready and to the first long-tail page after start; up to 2,000
// long-tail first requests; cached pages under load (autocannon, 50 connections, 30 s) with and without
// a shared Redis (its memory per cached page and hit rate); the server's event-loop delay idle, while
// rendering and under load (loop-delay.mjs) and its RSS after; how soon a new file is served; the
// non-2xx answers while files are added and edited and while Redis stops and starts again; with --soak,
// RSS over minutes of mixed requests. Prints numbers, asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ContentIndex } from '../../lib/content';
import { waitFor } from '../chromium.mjs';
import { writeServedFloorApp } from './floor';
import { searchDownloads } from './search';

type Run = (
  command: string,
  argv: string[],
  extraEnv?: Record<string, string>,
  cwd?: string,
) => Promise<{ seconds: number; peak: { rss: number; command: string }; output: string }>;

interface Options {
  root: string;
  env: NodeJS.ProcessEnv;
  index: ContentIndex;
  run: Run;
  /** The static export's wall time, measured just before (NaN when it was not). */
  staticSeconds: number;
  /** Minutes of mixed requests to watch RSS over; 0 for none. */
  soakMinutes?: number;
}

/** Long-tail pages the lone instance renders one at a time; the Redis pair shares a smaller sample. */
const LONG_TAIL_ALONE = 2000;
const LONG_TAIL_SAMPLE = 100;
/** The bench's servers look at their folder this often, so that a change is seen within the run. */
const REVALIDATE_SECONDS = 15;
const LOAD = { connections: 50, seconds: 30 };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function serveBench({ root, env: given, index, run, staticSeconds, soakMinutes = 0 }: Options) {
  const results: Record<string, unknown> = {};
  const env: NodeJS.ProcessEnv = { ...given, REVALIDATE_SECONDS: String(REVALIDATE_SECONDS) };
  rmSync(path.join(root, '.next'), { recursive: true, force: true });
  const bin = { PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
  const started = performance.now();
  const steps: Record<string, number> = {};
  let peak = 0;
  let prerendered = 0;
  let reported = '';
  for (const command of npmScript(root, 'build')) {
    const step = await run('sh', ['-c', command], bin);
    steps[command.split(' ')[1] ?? command] = step.seconds;
    peak = Math.max(peak, step.peak.rss);
    prerendered ||= Number(step.output.match(/Generating static pages using \d+ workers \(\d+\/(\d+)\)/)?.[1] ?? 0);
    reported ||= step.output.match(/^build: (.*)$/m)?.[1] ?? '';
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const rebuild = await rebuildAfterOneEdit(root, index, run, bin);
  results.nodeBuild = {
    seconds: buildSeconds,
    ofStatic: buildSeconds / staticSeconds,
    prerendered,
    steps,
    peakRssMB: peak / 1024,
    rebuild,
  };
  console.log(`
Node host (npm run build, PRERENDER_NEWEST default) on ${index.articles.length} articles
  build                     ${buildSeconds.toFixed(1)} s${Number.isNaN(staticSeconds) ? '' : ` = ${((100 * buildSeconds) / staticSeconds).toFixed(0)}% of build:static (${staticSeconds.toFixed(1)} s)`}; ${prerendered} pages prerendered; peak ${(peak / 1024).toFixed(0)} MB
  steps                     ${Object.entries(steps)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(' · ')}
  scripts/build.mjs         ${reported}
  rebuild, one article edited ${rebuild.seconds.toFixed(1)} s (${rebuild.reported}); peak ${rebuild.peakRssMB.toFixed(0)} MB`);

  // Long-tail articles, beyond what the build prerendered, spread over the archive.
  const tail = index.articles.slice(1000);
  const sample = (offset: number, size = LONG_TAIL_SAMPLE) =>
    Array.from({ length: Math.min(size, tail.length) }, (_, i) => {
      const at = Math.floor(((i + offset / 2) * tail.length) / Math.min(size, tail.length));
      return `/articles/${encodeURIComponent(tail[Math.min(at, tail.length - 1)].slug)}`;
    });
  const tag = `/tags/${encodeURIComponent(index.tags.terms.at(-1)?.slug ?? '')}`;
  const cached = tail[0] ? `/articles/${encodeURIComponent(tail[0].slug)}` : '/';
  const warmUp = tail.length ? `/articles/${encodeURIComponent(tail[tail.length - 1].slug)}` : '/';

  const redisPort = 4396;
  let redis: ReturnType<typeof spawn> | undefined;
  const servers: ReturnType<typeof spawn>[] = [];
  try {
    const alone = await startServer(root, env, 4393, sample(3, 1)[0] ?? '/');
    servers.push(alone.child);
    results.start = alone.start;
    // From the process's start to ready, the content read included: not idle.
    const starting = await loopWindow(alone.child);
    await pause(10_000);
    const idle = await loopWindow(alone.child);
    results.firstRequest = await firstRequests(
      alone.base,
      sample(0, LONG_TAIL_ALONE),
      'first request, long tail',
      warmUp,
    );
    const rendering = await loopWindow(alone.child);
    results.cachedAlone = await underLoad(root, alone.base, [cached, tag], 'no Redis');
    const cachedBytes = (await (await fetch(`${alone.base}${cached}`)).arrayBuffer()).byteLength;
    const loaded = await loopWindow(alone.child);
    results.loop = { starting, idle, rendering, loaded };
    console.log(
      `  event-loop delay          p99 ${idle.p99} ms idle 10 s, ${rendering.p99} ms while rendering the long tail, ${loaded.p99} ms under load (max ${idle.max} / ${rendering.max} / ${loaded.max} ms); before ready, while the content is read: max ${starting.max} ms`,
    );
    console.log(
      `  server RSS                ${rendering.rssMB} MB after ${Math.min(LONG_TAIL_ALONE, tail.length)} long-tail renders, ${loaded.rssMB} MB after ${2 * LOAD.seconds} s of load on cached pages`,
    );
    try {
      const query = await searchDownloads(alone.base);
      results.searchQuery = query;
      console.log(
        `  search                    one query ("${query.query}") downloads ${(query.bytes / 1024).toFixed(1)} KB in ${query.requests} requests, ${query.results}; ${query.older}`,
      );
    } catch (error) {
      console.log(`  search                    the query in Chromium failed: ${error}`);
    }
    results.newFile = await newFileSeen(alone.base, index, env.CONTENT_DIR ?? '');
    results.churn = await underChurn(root, alone.base, index, env.CONTENT_DIR ?? '');
    if (soakMinutes > 0) results.soak = await soak(alone, [cached, tag, ...sample(5, 500)], soakMinutes);
    stop(alone.child);
    results.floorServed = await servedFloor(root, run, cachedBytes, results.cachedAlone as LoadResults);

    if (!hasRedis()) {
      console.log('  (no redis-server on this machine: the shared cache was not measured)');
      return results;
    }
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    const [a, b] = await Promise.all([4394, 4395].map((port) => startServer(root, { ...env, REDIS_URL }, port)));
    servers.push(a.child, b.child);
    const urls = sample(1);
    results.firstRequestRedis = await firstRequests(a.base, urls, 'first request, Redis', warmUp);
    const answers: string[] = [];
    for (const url of urls) {
      const response = await fetch(`${b.base}${url}`);
      await response.arrayBuffer();
      answers.push(`${response.status} ${response.headers.get('x-nextjs-cache')}`);
    }
    const counts = [...new Set(answers)].map((h) => `${answers.filter((x) => x === h).length} × ${h}`);
    results.otherInstance = counts;
    console.log(`  other instance            the same pages from the second instance: ${counts.join(', ')}`);
    await fetch(`${a.base}${cached}`);
    await fetch(`${a.base}${tag}`);
    results.cachedRedis = await underLoad(root, b.base, [cached, tag], 'Redis, second instance');
    results.redis = redisUse(redisPort);
    results.redisOutage = await underOutage(root, a.base, redis, () => {
      redis = spawn(
        'redis-server',
        ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          detached: true,
          stdio: 'ignore',
        },
      );
    });
    return results;
  } finally {
    for (const child of servers) stop(child);
    if (redis) stop(redis);
  }
}

/**
 * `npm run build` again after one article in the middle of the archive gains a sentence: what the parse
 * store and the kept search shards save. The file is put back afterwards (the server reads it again).
 */
async function rebuildAfterOneEdit(root: string, index: ContentIndex, run: Run, bin: Record<string, string>) {
  const edited = index.articles[index.articles.length >> 1]?.filePath;
  if (!edited) return { seconds: Number.NaN, peakRssMB: Number.NaN, reported: 'no articles' };
  const original = readFileSync(edited, 'utf8');
  writeFileSync(edited, `${original}\nOne more sentence, added for the rebuild.\n`);
  const started = performance.now();
  let peak = 0;
  let reported = '';
  try {
    for (const command of npmScript(root, 'build')) {
      const step = await run('sh', ['-c', command], bin);
      peak = Math.max(peak, step.peak.rss);
      reported ||= step.output.match(/^build: (.*)$/m)?.[1] ?? '';
      const shards = step.output.match(/^search:index: .* \((\d+ shards, \d+ built, \d+ kept)\)$/m)?.[1];
      if (shards) reported += `; ${shards}`;
    }
  } finally {
    writeFileSync(edited, original);
  }
  return { seconds: (performance.now() - started) / 1000, peakRssMB: peak / 1024, reported };
}

function npmScript(root: string, name: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return String(scripts[name]).split(' && ');
}

function hasRedis() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A server with the event-loop monitor loaded: how long until /healthz says ready, and until a page no
 * build prerendered (`first`) has been answered.
 */
async function startServer(root: string, env: NodeJS.ProcessEnv, port: number, first?: string) {
  const started = performance.now();
  const argv = [
    '--import',
    './tests/bench/loop-delay.mjs',
    'lib/server/server.mjs',
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ];
  const child = spawn('node', argv, { cwd: root, env, detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`, { child, timeoutMs: 120_000 });
  // A server still loading its content may drop a connection: ask again until it says ready.
  while ((await fetch(`${base}/healthz`).catch(() => undefined))?.status !== 200) await pause(50);
  const readySeconds = (performance.now() - started) / 1000;
  if (!first) return { child, base };
  const response = await fetch(`${base}${first}`);
  await response.arrayBuffer();
  const firstSeconds = (performance.now() - started) / 1000;
  console.log(
    `  start                     ready (/healthz 200) after ${readySeconds.toFixed(1)} s; a long-tail page answered ${response.status} ${firstSeconds.toFixed(1)} s after start`,
  );
  return { child, base, start: { readySeconds, firstSeconds, firstStatus: response.status } };
}

/** The server's event-loop delay (ms) and RSS since the last call, from loop-delay.mjs inside it. */
async function loopWindow(child: ReturnType<typeof spawn>) {
  const file = path.join(tmpdir(), `inkwell-loop-${child.pid}.json`);
  rmSync(file, { force: true });
  process.kill(child.pid ?? 0, 'SIGUSR2');
  for (let i = 0; i < 50; i++) {
    await pause(100);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { p50: number; p99: number; max: number; rssMB: number };
    } catch {}
  }
  throw new Error('the server did not report its event-loop delay (is tests/bench/loop-delay.mjs loaded?)');
}

/** How long after a new file is written its page answers 200, and the home page (cached) lists it. */
async function newFileSeen(base: string, index: ContentIndex, dir: string) {
  const slug = `bench-new-${Date.now()}`;
  const file = path.join(dir, `${slug}.md`);
  const title = `A new file ${slug}`;
  const date = index.articles[0]?.date.day ?? '2026-01-01';
  const written = performance.now();
  writeFileSync(file, `---\ntitle: "${title}"\ndate: '${date}'\n---\nWritten by the bench.\n`);
  const seen = async (url: string, test: (r: Response, text: string) => boolean) => {
    while (performance.now() - written < (REVALIDATE_SECONDS + 30) * 1000) {
      const response = await fetch(`${base}${url}`);
      if (test(response, await response.text())) return (performance.now() - written) / 1000;
      await pause(100);
    }
    return Number.NaN;
  };
  const page = await seen(`/articles/${slug}`, (r) => r.status === 200);
  const home = await seen('/', (_, text) => text.includes(title));
  rmSync(file, { force: true });
  console.log(
    `  a new file                its page answers 200 after ${page.toFixed(1)} s, the home page lists it after ${home.toFixed(1)} s (REVALIDATE_SECONDS=${REVALIDATE_SECONDS})`,
  );
  return { pageSeconds: page, homeSeconds: home, revalidateSeconds: REVALIDATE_SECONDS };
}

/** RSS, minute by minute, over a mix of cached and long-tail requests (10 connections). */
async function soak(server: { child: ReturnType<typeof spawn>; base: string }, urls: string[], minutes: number) {
  const rss: number[] = [(await loopWindow(server.child)).rssMB];
  for (let minute = 0; minute < minutes; minute++) {
    const until = Date.now() + 60_000;
    const workers = Array.from({ length: 10 }, async (_, w) => {
      for (let i = w; Date.now() < until; i += 10)
        await (await fetch(`${server.base}${urls[i % urls.length]}`)).arrayBuffer();
    });
    await Promise.all(workers);
    rss.push((await loopWindow(server.child)).rssMB);
  }
  const [first, last, max] = [rss[1] ?? rss[0], rss.at(-1) ?? 0, Math.max(...rss)];
  console.log(
    `  soak                      RSS by minute over ${minutes} min of mixed requests: ${rss.join(', ')} MB (last/first ${(last / first).toFixed(2)}, max ${max})`,
  );
  return { minutes, rssMB: rss, lastOverFirst: last / first };
}

/** What the shared cache holds: bytes per cached page and the hit rate since it started. */
function redisUse(port: number) {
  const cli = (...args: string[]) => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
  const field = (text: string, name: string) =>
    Number(text.match(new RegExp(`^${name}:(\\d+)`, 'm'))?.[1] ?? Number.NaN);
  try {
    const memory = field(cli('INFO', 'memory'), 'used_memory');
    const keys = Number(cli('DBSIZE').trim());
    const stats = cli('INFO', 'stats');
    const [hits, misses] = [field(stats, 'keyspace_hits'), field(stats, 'keyspace_misses')];
    const result = {
      usedMemoryMB: memory / 1024 / 1024,
      keys,
      bytesPerKey: memory / keys,
      hitRate: hits / (hits + misses),
    };
    console.log(
      `  Redis                     ${result.usedMemoryMB.toFixed(1)} MB for ${keys} keys (${(result.bytesPerKey / 1024).toFixed(1)} KB a key), hit rate ${(100 * result.hitRate).toFixed(1)}% (${hits} hits, ${misses} misses)`,
    );
    return result;
  } catch (error) {
    console.log(`  Redis                     not read: ${(error as Error).message}`);
    return undefined;
  }
}

function stop(child: ReturnType<typeof spawn>) {
  try {
    process.kill(-(child.pid ?? 0), 'SIGKILL');
  } catch {}
}

/**
 * Each URL once, one at a time: the time to the whole page, as a reader's first visit would wait. The
 * server has answered one other long-tail page first, so its route code is loaded.
 */
async function firstRequests(base: string, urls: string[], label: string, warmUp: string) {
  await (await fetch(`${base}${warmUp}`)).arrayBuffer();
  const times: number[] = [];
  let failed = 0;
  for (const url of urls) {
    const t = performance.now();
    const response = await fetch(`${base}${url}`);
    await response.arrayBuffer();
    times.push(performance.now() - t);
    if (response.status !== 200) failed++;
  }
  const result = { pages: urls.length, p50ms: quantile(times, 0.5), p99ms: quantile(times, 0.99), non200: failed };
  console.log(
    `  ${label.padEnd(25)} p50 ${result.p50ms.toFixed(0)} ms, p99 ${result.p99ms.toFixed(0)} ms over ${urls.length} pages (${failed} not 200)`,
  );
  return result;
}

/** autocannon in its own process; resolves with its JSON summary. */
function autocannon(root: string, url: string, seconds: number) {
  return new Promise<{ requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number }>(
    (resolve, reject) => {
      const child = spawn('npx', ['autocannon', '-c', String(LOAD.connections), '-d', String(seconds), '--json', url], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.on('close', (code) =>
        code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`autocannon exited ${code}`)),
      );
    },
  );
}

type LoadResults = Record<string, { requestsPerSecond: number; p99ms: number; non2xx: number; errors: number }>;

/** Cached pages under load: requests/s and p99 per URL, after one request has put each in the cache. */
async function underLoad(root: string, base: string, urls: string[], label: string) {
  const results: LoadResults = {};
  for (const url of urls) {
    await fetch(`${base}${url}`);
    const r = await autocannon(root, `${base}${url}`, LOAD.seconds);
    results[url] = { requestsPerSecond: r.requests.average, p99ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
    console.log(
      `  cached, ${label.padEnd(16)} ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx (${LOAD.connections} connections, ${LOAD.seconds} s, ${url})`,
    );
  }
  return results;
}

/**
 * The reference for cached pages (issue 21): a bare App Router app's prerendered page, as large as the
 * site's cached article (`bytes`), served by plain `next start` under the same load, side by side.
 */
async function servedFloor(root: string, run: Run, bytes: number, ours: LoadResults) {
  const dir = path.join(root, '.bench', 'floor-served');
  writeServedFloorApp(dir, root, 100, bytes);
  const build = await run('npx', ['next', 'build'], {}, dir);
  const port = 4392;
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    detached: true,
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/p/1`, { child, timeoutMs: 60_000 });
    const floorBytes = (await (await fetch(`${base}/p/1`)).arrayBuffer()).byteLength;
    const floor = await underLoad(root, base, ['/p/1'], 'floor next start');
    const rate = floor['/p/1']?.requestsPerSecond ?? Number.NaN;
    const ratios = Object.entries(ours).map(([url, r]) => `${(r.requestsPerSecond / rate).toFixed(2)}× (${url})`);
    console.log(
      `  ours / floor              ${ratios.join(', ')}: a ${(floorBytes / 1024).toFixed(1)} KB prerendered page of a bare App Router app, plain \`next start\` (built in ${build.seconds.toFixed(1)} s), beside our ${(bytes / 1024).toFixed(1)} KB article`,
    );
    return { floorBytes, oursBytes: bytes, floor, ratios };
  } finally {
    stop(child);
  }
}

/**
 * The home page under load while files are added and edited every 250 ms, then deleted: every
 * answer must be 2xx, and each new article must answer 200 once the server has looked.
 */
async function underChurn(root: string, base: string, index: ContentIndex, dir: string) {
  const seconds = 20;
  const load = autocannon(root, `${base}/`, seconds);
  const written: string[] = [];
  const until = Date.now() + (seconds - 2) * 1000;
  for (let i = 0; Date.now() < until; i++) {
    const file = path.join(dir, `bench-churn-${i % 10}.md`);
    const date = index.articles[0]?.date.day ?? '2026-01-01';
    writeFileSync(
      file,
      `---\ntitle: "Churn ${i}"\ndate: '${date}'\ntags: [Churn]\n---\nWritten during a load run, version ${i}.\n`,
    );
    if (!written.includes(file)) written.push(file);
    await pause(250);
  }
  const r = await load;
  await pause(1500);
  const fresh = await fetch(`${base}/articles/bench-churn-0`);
  for (const file of written) rmSync(file, { force: true });
  const result = { seconds, files: written.length, non2xx: r.non2xx, errors: r.errors, newArticleStatus: fresh.status };
  console.log(
    `  files changing under load ${r.non2xx} non-2xx, ${r.errors} errors in ${seconds} s of ${LOAD.connections} connections on /, ${written.length} files added and rewritten every 250 ms (a new one answers ${fresh.status})`,
  );
  return result;
}

/** The home page under load while Redis stops for 8 s and starts again, plus uncached pages meanwhile. */
async function underOutage(root: string, base: string, redis: ReturnType<typeof spawn>, restart: () => void) {
  const seconds = 20;
  const load = autocannon(root, `${base}/`, seconds);
  await pause(5000);
  stop(redis);
  const statuses: number[] = [];
  for (const url of ['/archive', '/tags', '/page/3', '/page/4']) statuses.push((await fetch(`${base}${url}`)).status);
  await pause(8000);
  restart();
  const r = await load;
  const bad = statuses.filter((s) => s !== 200).length;
  console.log(
    `  Redis stopped and started ${r.non2xx} non-2xx, ${r.errors} errors in ${seconds} s of ${LOAD.connections} connections on /; ${bad} of ${statuses.length} uncached pages not 200 while it was away`,
  );
  return { seconds, non2xx: r.non2xx, errors: r.errors, uncachedNon200: bad };
}
