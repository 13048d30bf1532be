// `npm run bench -- --serve`: the Node host. Its build (default PRERENDER_NEWEST) against the static
// export's, the first request of long-tail pages, cached pages under load (autocannon, 50 connections,
// 30 s) with and without a shared Redis, and the non-2xx answers while files are added and edited and
// while Redis stops and starts again. Prints numbers, asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIndex } from '../../lib/content';
import { waitFor } from '../chromium.mjs';

type Run = (
  command: string,
  argv: string[],
  extraEnv?: Record<string, string>,
) => Promise<{ seconds: number; peak: { rss: number; command: string }; output: string }>;

interface Options {
  root: string;
  env: NodeJS.ProcessEnv;
  index: ContentIndex;
  run: Run;
  /** The static export's wall time, measured just before. */
  staticSeconds: number;
}

const LONG_TAIL_SAMPLE = 100;
const LOAD = { connections: 50, seconds: 30 };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function serveBench({ root, env, index, run, staticSeconds }: Options) {
  const results: Record<string, unknown> = {};
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
  results.nodeBuild = {
    seconds: buildSeconds,
    ofStatic: buildSeconds / staticSeconds,
    prerendered,
    steps,
    peakRssMB: peak / 1024,
  };
  console.log(`
Node host (npm run build, PRERENDER_NEWEST default) on ${index.articles.length} articles
  build                     ${buildSeconds.toFixed(1)} s = ${((100 * buildSeconds) / staticSeconds).toFixed(0)}% of build:static (${staticSeconds.toFixed(1)} s); ${prerendered} pages prerendered; peak ${(peak / 1024).toFixed(0)} MB
  steps                     ${Object.entries(steps)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(' · ')}
  scripts/build.mjs         ${reported}`);

  // Long-tail articles, beyond what the build prerendered, spread over the archive.
  const tail = index.articles.slice(1000);
  const sample = (offset: number) =>
    Array.from({ length: Math.min(LONG_TAIL_SAMPLE, tail.length) }, (_, i) => {
      const at = Math.floor(((i + offset / 2) * tail.length) / LONG_TAIL_SAMPLE);
      return `/articles/${encodeURIComponent(tail[Math.min(at, tail.length - 1)].slug)}`;
    });
  const tag = `/tags/${encodeURIComponent(index.tags.terms.at(-1)?.slug ?? '')}`;
  const cached = tail[0] ? `/articles/${encodeURIComponent(tail[0].slug)}` : '/';
  const warmUp = tail.length ? `/articles/${encodeURIComponent(tail[tail.length - 1].slug)}` : '/';

  const redisPort = 4396;
  let redis: ReturnType<typeof spawn> | undefined;
  const servers: ReturnType<typeof spawn>[] = [];
  try {
    const alone = await startServer(root, env, 4393);
    servers.push(alone.child);
    results.firstRequest = await firstRequests(alone.base, sample(0), 'first request, long tail', warmUp);
    results.cachedAlone = await underLoad(root, alone.base, [cached, tag], 'no Redis');
    results.churn = await underChurn(root, alone.base, index, env.CONTENT_DIR ?? '');
    stop(alone.child);

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

async function startServer(root: string, env: NodeJS.ProcessEnv, port: number) {
  const child = spawn('node', ['lib/server/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, { child, timeoutMs: 60_000 });
  return { child, base };
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

/** Cached pages under load: requests/s and p99 per URL, after one request has put each in the cache. */
async function underLoad(root: string, base: string, urls: string[], label: string) {
  const results: Record<string, unknown> = {};
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
