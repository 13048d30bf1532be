// `npm run bench [-- --n 1000] [--content DIR] [--serve [--soak MIN]] [--serve-only] [--render] [--no-floor] [--dev]`: a cold static build of a synthetic
// (or given) corpus, with wall time, peak memory, phases, output size (files and bytes of out/, the search
// index included, per article, and the static hosts it is too big for) and page sizes, then the same
// number of trivial pages from a bare App Router app (the floor); with --serve, the Node host (./serve.ts).
// `--tools [--repeat K] [--tools-only a,b]`: each tool at n and n/10, for linearity (./tools.ts).
// Prints numbers, asserts nothing.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadContent } from '../../lib/content';
import { entriesUnder } from '../../lib/files.mjs';
import { exceededHosts } from '../../lib/static-hosts.mjs';
import { waitFor } from '../chromium.mjs';
import { ensureCorpus } from './corpus';
import { writeFloorApp } from './floor';
import { renderBench } from './render';
import { searchDownloads } from './search';
import { serveBench } from './serve';
import { toolsBench } from './tools';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? '') : undefined;
};
const n = Number(flag('n') ?? 12763);
const root = path.resolve(import.meta.dirname, '../..');
const content = path.resolve(flag('content') ?? path.join(root, '.bench', `corpus-${n}`));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CONTENT_DIR: content };

/** RSS of each process in the tree under `pid`, sampled; returns the largest single process seen and the tree's largest sum. */
function watchMemory(pid: number) {
  let peak = { rss: 0, command: '', treeRss: 0 };
  const timer = setInterval(() => {
    try {
      const rows = execSync('ps -eo pid=,ppid=,rss=,comm=', { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/));
      const tree = new Set([pid]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const [p, pp] of rows) {
          if (tree.has(Number(pp)) && !tree.has(Number(p))) {
            tree.add(Number(p));
            changed = true;
          }
        }
      }
      let sum = 0;
      for (const [p, , rss, comm] of rows) {
        if (!tree.has(Number(p))) continue;
        sum += Number(rss);
        if (Number(rss) > peak.rss) peak = { ...peak, rss: Number(rss), command: comm };
      }
      if (sum > peak.treeRss) peak = { ...peak, treeRss: sum };
    } catch {}
  }, 250);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function run(
  command: string,
  argv: string[],
  extraEnv: Record<string, string> = {},
  cwd = root,
  allowFailure = false,
) {
  const started = performance.now();
  const child = spawn(command, argv, { cwd, env: { ...env, ...extraEnv } });
  const stop = watchMemory(child.pid ?? 0);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const peak = stop();
  if (code !== 0 && !allowFailure) throw new Error(`${command} ${argv.join(' ')} failed:\n${output.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peak, output, code };
}

/** Every file below `dir` with its size, and how many folders there are: one walk, one stat a file. */
function walk(dir: string) {
  const files: { file: string; size: number }[] = [];
  let directories = 0;
  for (const entry of entriesUnder(dir)) {
    if (entry.directory) directories++;
    else files.push({ file: entry.path, size: statSync(entry.path).size });
  }
  return { files, directories };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const results: Record<string, unknown> & { searchIndex?: { bytes: number; files: number } } = { n, content };
  if (args.includes('--tools')) {
    const only = flag('tools-only')?.split(',').filter(Boolean);
    const repeat = Number(flag('repeat') ?? 1);
    Object.assign(results, await toolsBench({ root, n, run, only, repeat }));
    return writeResults(results, `bench-tools-${n}.json`);
  }
  if (!flag('content')) {
    const t = performance.now();
    const corpus = ensureCorpus(content, n);
    console.log(
      corpus.reused
        ? `reused the ${n} articles in ${content} (generated ${corpus.generated})`
        : `generated ${n} articles in ${content} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
  }

  const tLoad = performance.now();
  const { index, problems } = loadContent(content);
  const loadSeconds = (performance.now() - tLoad) / 1000;
  if (problems.length) throw new Error(`${problems.length} content errors, first: ${JSON.stringify(problems[0])}`);
  if (args.includes('--dev')) return devBench(index.articles[index.articles.length >> 1].file);
  if (args.includes('--render')) {
    results.render = renderBench(root, index.articles);
    return writeResults(results);
  }
  const soakMinutes = Number(flag('soak') ?? 0);
  if (args.includes('--serve-only')) {
    // The Node host alone: at 100,000 articles the static export before it takes half an hour.
    Object.assign(results, await serveBench({ root, env, index, run, staticSeconds: Number.NaN, soakMinutes }));
    return writeResults(results);
  }

  rmSync(path.join(root, '.next'), { recursive: true, force: true });
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  // The steps of `npm run build:static` itself, timed one by one; scripts/build.mjs reports its own.
  const steps = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['build:static'].split(' && ');
  const step = (name: string) => steps.find((command: string) => command.includes(name)) ?? '';
  const bin = { PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
  const started = performance.now();
  const timed: Record<string, Awaited<ReturnType<typeof run>>> = {};
  for (const command of steps) timed[command] = await run('sh', ['-c', command], bin);
  const [check, build] = ['content-check', 'scripts/build.mjs'].map((name) => {
    const result = timed[step(name)];
    if (!result) throw new Error(`build:static has no "${name}" step: update the bench`);
    return result;
  });
  const reported = build.output.match(/^build: (.*)$/m)?.[1] ?? '';
  const stepSeconds = (name: string) => Number(reported.match(new RegExp(`${name} ([\\d.]+) s`))?.[1] ?? NaN);
  const searchWait = Number(reported.match(/waited for ([\d.]+) s/)?.[1] ?? NaN);
  const wall = (performance.now() - started) / 1000;

  const compiled = build.output.match(/Compiled successfully in ([\d.]+)(min|ms|s)/);
  const generated = build.output.match(
    /Generating static pages using (\d+) workers \((\d+)\/(\d+)\) in ([\d.]+)(min|ms|s)/,
  );
  const unit: Record<string, number> = { ms: 0.001, s: 1, min: 60 };
  const secondsOf = (m: RegExpMatchArray | null, v: number, u: number) => (m ? Number(m[v]) * unit[m[u]] : NaN);
  const pages = Number(generated?.[3] ?? 0);

  const out = path.join(root, 'out');
  const { files, directories } = walk(out);
  const html = files.filter((f) => f.file.endsWith('.html'));
  const isArticle = (f: string) => f.includes(`${path.sep}articles${path.sep}`);
  const isSearchOrError = (f: string) => /[/\\](search|404|_not-found)[/\\]|404\.html$/.test(f);
  const articles = html.filter((f) => isArticle(f.file)).sort((a, b) => a.size - b.size);
  const lists = html.filter((f) => !isArticle(f.file) && !isSearchOrError(f.file)).sort((a, b) => a.size - b.size);
  const largest = [...html].sort((a, b) => b.size - a.size)[0];
  const median = articles[Math.floor(articles.length / 2)]?.size ?? 0;

  // The bound that matters for huge bodies: page ≤ 2 × rendered body + 50 KB, checked on the 25 largest.
  const overBound = articles.slice(-25).filter(({ file, size }) => {
    const page = readFileSync(file, 'utf8');
    const start = page.indexOf('<div class="article-body');
    const end = page.indexOf('</article>', start);
    return size > 2 * (end - start) + 50 * 1024;
  });

  const firstLoadJs = (pagePath: string) => {
    const page = readFileSync(path.join(out, pagePath, 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script src="([^"]+)"(?![^>]*noModule)/g)].map((m) => m[1]);
    return scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(out, src))).length, 0);
  };
  const sampleTag = index.tags.terms[0]?.slug;

  Object.assign(results, {
    articles: index.articles.length,
    wallSeconds: wall,
    phases: {
      loadContentSeconds: loadSeconds,
      contentCheckSeconds: check.seconds,
      nextBuildSeconds: stepSeconds('next build'),
      compileSeconds: secondsOf(compiled, 1, 2),
      generateSeconds: secondsOf(generated, 4, 5),
      postexportSeconds: stepSeconds('postexport'),
      postbuildSeconds: stepSeconds('postbuild'),
      searchIndexSeconds: stepSeconds('search index'),
      searchWaitSeconds: searchWait,
    },
    pages,
    pagesPerSecond: pages / wall,
    msPerPageGenerating: (secondsOf(generated, 4, 5) * 1000) / pages,
    peakRssMB: Math.max(check.peak.rss, build.peak.rss) / 1024,
    peakProcess: build.peak.command,
    outputBytes: files.reduce((s, f) => s + f.size, 0),
    outputFiles: files.length,
    outputDirectories: directories,
    largestFileBytes: files.reduce((max, f) => Math.max(max, f.size), 0),
    htmlPages: html.length,
    largestHtml: { file: path.relative(out, largest.file), bytes: largest.size },
    largestListPage: { file: path.relative(out, lists.at(-1)?.file ?? ''), bytes: lists.at(-1)?.size ?? 0 },
    listPagesOver100KB: lists.filter((f) => f.size > 100 * 1024).length,
    articlePages: articles.length,
    medianArticleBytes: median,
    largestArticle: { file: path.relative(out, articles.at(-1)?.file ?? ''), bytes: articles.at(-1)?.size ?? 0 },
    articlesOverBound: overBound.map((f) => path.relative(out, f.file)),
    firstLoadJsGzip: {
      home: firstLoadJs(''),
      article: firstLoadJs(path.join('articles', index.articles[0].slug)),
      tag: sampleTag ? firstLoadJs(path.join('tags', sampleTag)) : 0,
    },
  });

  const exceeded = exceededHosts({
    files: files.length,
    bytes: results.outputBytes as number,
    directories,
    largestFileBytes: results.largestFileBytes as number,
  });
  results.hostsExceeded = exceeded.map(({ host, over }) => ({ host: host.name, over }));
  const overHosts = exceeded.map(({ host, over }) => `${host.name} (${over.join(', ')})`).join('; ') || 'none';
  const p = results.phases as Record<string, number>;
  const fl = results.firstLoadJsGzip as Record<string, number>;
  console.log(`
Cold static build of ${index.articles.length} articles (${path.relative(root, content)})
  wall time                 ${wall.toFixed(1)} s
  pages generated           ${pages} (${(pages / wall).toFixed(1)} pages/s overall, ${(results.msPerPageGenerating as number).toFixed(1)} ms/page while generating)
  peak RSS, largest process ${(results.peakRssMB as number).toFixed(0)} MB (${results.peakProcess})
  phases                    load content ${p.loadContentSeconds.toFixed(2)} s (in-process) · content check ${p.contentCheckSeconds.toFixed(1)} s · compile ${p.compileSeconds.toFixed(1)} s · generate ${p.generateSeconds.toFixed(1)} s · rest of next build ${(p.nextBuildSeconds - p.compileSeconds - p.generateSeconds).toFixed(1)} s · postexport ${p.postexportSeconds.toFixed(1)} s · postbuild ${p.postbuildSeconds.toFixed(1)} s
  search index              ${p.searchIndexSeconds.toFixed(1)} s, started with next build (a cold index waits for its pages); the build waited for it ${p.searchWaitSeconds.toFixed(1)} s
  output                    ${mb(results.outputBytes as number)} in ${files.length} files, ${directories} folders (${html.length} HTML pages), search index included
  per article               ${(files.length / index.articles.length).toFixed(2)} files, ${kb((results.outputBytes as number) / index.articles.length)} (whole export / articles)
  static hosts it is over   ${overHosts}
  largest HTML page         ${kb(largest.size)} ${path.relative(out, largest.file)}
  largest list page         ${kb(lists.at(-1)?.size ?? 0)} ${path.relative(out, lists.at(-1)?.file ?? '')} (${results.listPagesOver100KB} over 100 KB)
  article pages             ${articles.length}, median ${kb(median)}, largest ${kb(articles.at(-1)?.size ?? 0)} (${overBound.length} over 2 × body + 50 KB)
  first-load JS (gzip)      home ${kb(fl.home)} · article ${kb(fl.article)} · tag ${kb(fl.tag)}`);

  const pagefindFiles = files.filter((f) => f.file.includes(`${path.sep}pagefind${path.sep}`));
  results.searchIndex = { bytes: pagefindFiles.reduce((sum, f) => sum + f.size, 0), files: pagefindFiles.length };
  try {
    const query = await searchBench(out);
    results.searchQuery = query;
    console.log(
      `  search index              ${mb(results.searchIndex.bytes)} in ${pagefindFiles.length} files; one query ("${query.query}") downloads ${kb(query.bytes)} in ${query.requests} requests, ${query.results}; ${query.older}`,
    );
  } catch (error) {
    console.log(`  search index              ${mb(results.searchIndex.bytes)}; the query in Chromium failed: ${error}`);
  }

  if (!args.includes('--no-floor')) Object.assign(results, await floorBench(pages, wall, stepSeconds('next build')));

  if (args.includes('--serve')) {
    Object.assign(results, await serveBench({ root, env, index, run, staticSeconds: wall, soakMinutes }));
  }
  writeResults(results);
}

function writeResults(results: Record<string, unknown>, name = `bench-${path.basename(content)}.json`) {
  mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const file = path.join(root, 'bench-results', name);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(root, file)}`);
}

/** AIVibe, the live Next 15 App Router site this format comes from: 12,763 articles into 12,873 pages in 150 s. */
const AIVIBE_MS_PER_PAGE = (150 * 1000) / 12873;

/**
 * The App Router floor: a bare app with the site's Next configuration prerendering as many trivial pages,
 * cold. Our build as a multiple of it is the share of the time that is ours rather than Next's.
 */
async function floorBench(pages: number, wall: number, nextSeconds: number) {
  const dir = path.join(root, '.bench', 'floor');
  writeFloorApp(dir, root, pages);
  const started = performance.now();
  const child = await run('npx', ['next', 'build'], { STATIC_EXPORT: '1' }, dir);
  const floorSeconds = (performance.now() - started) / 1000;
  const generated = child.output.match(/Generating static pages using \d+ workers \((\d+)\/(\d+)\)/);
  const floorPages = Number(generated?.[2] ?? 0);
  const msPerPage = (wall * 1000) / pages;
  console.log(`
App Router floor: ${floorPages} trivial pages, same Next configuration, cold
  floor next build          ${floorSeconds.toFixed(1)} s (peak ${(child.peak.rss / 1024).toFixed(0)} MB)
  ours / floor              whole build ${(wall / floorSeconds).toFixed(2)}× · next build alone ${(nextSeconds / floorSeconds).toFixed(2)}×
  whole build per page      ${msPerPage.toFixed(2)} ms = ${(msPerPage / AIVIBE_MS_PER_PAGE).toFixed(2)}× AIVibe's ${AIVIBE_MS_PER_PAGE.toFixed(2)} ms (150 s / 12,873 pages; must be ≤ 0.70×)`);
  return {
    floor: {
      pages: floorPages,
      seconds: floorSeconds,
      peakRssMB: child.peak.rss / 1024,
      wholeBuildRatio: wall / floorSeconds,
      nextBuildRatio: nextSeconds / floorSeconds,
    },
    msPerPage,
    aivibeRatio: msPerPage / AIVIBE_MS_PER_PAGE,
  };
}

/** The search download from the export, served on loopback. */
async function searchBench(out: string) {
  const port = 4398;
  const server = spawn('node', ['scripts/serve-static.mjs', out, String(port)], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    return await searchDownloads(`http://127.0.0.1:${port}`);
  } finally {
    stopGroup(server);
  }
}

/** `next dev` on the corpus, in its own process group so that stopping it stops its children. */
function devServer(port: number) {
  return spawn('npx', ['next', 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
}

function stopGroup(child: ReturnType<typeof spawn>) {
  try {
    process.kill(-(child.pid ?? 0), 'SIGTERM');
  } catch {}
}

/**
 * `--dev`: an author's loop on the corpus. Start-up of `next dev` to the first home page, the first time
 * (nothing compiled, no parses kept) and again (what every later start is: median of three), then the
 * server time of the home page and of an article after one file is saved (median of five saves), and the
 * dev server's memory meanwhile (its largest process and its whole tree).
 */
async function devBench(file: string) {
  const port = 4397;
  const base = `http://127.0.0.1:${port}`;
  const timed = async (url: string) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`);
    await response.text();
    return { ms: performance.now() - started, status: response.status };
  };
  const start = async () => {
    const started = performance.now();
    const server = devServer(port);
    for (;;) {
      const page = await timed('/').catch(() => undefined);
      if (page?.status === 200) break;
      if (performance.now() - started > 120_000) throw new Error('npm run dev did not answer in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { server, seconds: (performance.now() - started) / 1000 };
  };
  rmSync(path.join(root, '.next', 'dev'), { recursive: true, force: true });
  rmSync(path.join(root, '.next', 'cache', 'inkwell'), { recursive: true, force: true });
  // Each start lasts long enough for the loader to keep its parses (lib/content/parse-store.ts).
  const restart = async () => {
    const started = await start();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    stopGroup(started.server);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return started.seconds;
  };
  const first = await restart();
  const again = [await restart(), await restart()];
  const last = await start();
  again.push(last.seconds);
  const server = last.server;
  const memory = watchMemory(server.pid ?? 0);
  try {
    const slug = path.basename(file).replace(/\.mdx?$/, '');
    await timed(`/articles/${slug}`);
    const still: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      still.push((await timed('/')).ms);
    }
    const source = readFileSync(path.resolve(root, file), 'utf8');
    const home: number[] = [];
    const article: number[] = [];
    for (let i = 1; i <= 5; i++) {
      writeFileSync(path.resolve(root, file), source.replace(/^title: (.*)$/m, `title: $1 (edit ${i})`));
      await new Promise((resolve) => setTimeout(resolve, 300));
      home.push((await timed('/')).ms);
      await new Promise((resolve) => setTimeout(resolve, 300));
      article.push((await timed(`/articles/${slug}`)).ms);
    }
    writeFileSync(path.resolve(root, file), source);
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1];
    const peak = memory();
    console.log(`
npm run dev on ${n} articles
  start-up to the first home page   first time ${first.toFixed(1)} s · again ${median(again).toFixed(1)} s (median of 3: ${again.map((s) => s.toFixed(1)).join(', ')})
  home, nothing saved               ${median(still).toFixed(0)} ms (median of 5)
  after saving one file             home ${median(home).toFixed(0)} ms · article ${median(article).toFixed(0)} ms (median of 5; all: home ${home.map((m) => m.toFixed(0)).join(', ')}; article ${article.map((m) => m.toFixed(0)).join(', ')})
  memory, while pages were asked    largest process ${(peak.rss / 1024).toFixed(0)} MB (${peak.command}) · the whole dev server ${(peak.treeRss / 1024).toFixed(0)} MB`);
  } finally {
    memory();
    stopGroup(server);
  }
}

if (!existsSync(path.join(root, 'package.json'))) throw new Error('run from the repository');
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
