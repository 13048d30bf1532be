// @ts-check
// `npm run build` and `npm run build:static`, after the content check:
//   node scripts/build.mjs [--static]
// 1. `next build`, with STATIC_EXPORT=1 and then scripts/postexport.mjs for --static.
// 2. scripts/postbuild.mjs makes every prerendered page plain HTML; then, for --static,
//    scripts/write-redirects.ts writes the pages and _redirects of moved URLs.
// 3. The search index is written from the content (scripts/search-index.mts), so it need not wait for
//    the build: it starts with `next build`, at the lowest priority, so it takes the CPU Next leaves
//    (while Next waits on the disk, and every core once Next is done). Shards unchanged since the last
//    build are linked, not indexed again. The new index then replaces public/pagefind (Node host) or
//    out/pagefind (static export) whole.
// 4. For --static, the size of out/ (files and bytes, the search index included), with a warning naming
//    the static hosts it is too big for (lib/static-hosts.mjs).
// Prints how long each step took, for `npm run bench`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportSize, hostLimitWarning } from '../lib/static-hosts.mjs';
import { replaceFolder } from './folders.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const isStatic = process.argv.includes('--static');
const env = { ...process.env, ...(isStatic ? { STATIC_EXPORT: '1' } : {}) };
/** @param {string} name */
const script = (name) => path.join(root, 'scripts', name);
/** @param {number} started */
const since = (started) => (performance.now() - started) / 1000;

/** @typedef {{ code: number, seconds: number }} Outcome */

/**
 * The step running, to stop with this process. Not detached: a session of its own would take it out of
 * the autogroup the search index's low priority is weighed in (search-index.mts).
 * @type {import('node:child_process').ChildProcess | undefined}
 */
let step;

/**
 * Runs a command, its output passed on; resolves with its exit code and seconds.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<Outcome> & { child: import('node:child_process').ChildProcess }}
 */
function run(command, args) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  /** @type {Promise<Outcome>} */
  const done = new Promise((resolve) => {
    child.on('error', () => resolve({ code: 1, seconds: since(started) }));
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: since(started) }));
  });
  return Object.assign(done, { child });
}

// In the one folder `next build` does not empty, on the same disk as the index's destination.
mkdirSync(path.join(root, '.next', 'cache'), { recursive: true });
const staging = mkdtempSync(path.join(root, '.next', 'cache', 'search-'));
/** @type {ReturnType<typeof run> | undefined} */
let search;
const startSearch = () => {
  // In this process's session, for its low priority to weigh against Next's (search-index.mts).
  search ??= run(process.execPath, ['--import', 'tsx', script('search-index.mts'), staging, '--background']);
};
const stopSearch = () => {
  try {
    // It stops its worker processes, and they their Pagefind processes.
    search?.child.kill('SIGTERM');
  } catch {}
  rmSync(staging, { recursive: true, force: true });
};
// A build stopped stops what it started: a step left running (`next build`) would go on using every core.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGHUP', 'SIGTERM'])) {
  process.on(signal, () => {
    step?.kill(signal);
    stopSearch();
    process.exit(128 + constants.signals[signal]);
  });
}

async function main() {
  const timings = [];
  /** @typedef {[name: string, command: string, args: string[]]} Step */
  /** @type {Step[]} */
  const steps = [
    ['next build', path.join(root, 'node_modules', '.bin', 'next'), ['build']],
    .../** @type {Step[]} */ (isStatic ? [['postexport', process.execPath, [script('postexport.mjs')]]] : []),
    ['postbuild', process.execPath, [script('postbuild.mjs'), isStatic ? 'out' : '.next/server/app']],
    // After postbuild, which makes Next's pages plain: the redirect pages are not Next's.
    .../** @type {Step[]} */ (
      isStatic ? [['redirects', process.execPath, ['--import', 'tsx', script('write-redirects.ts'), 'out']]] : []
    ),
  ];
  startSearch();
  for (const [name, command, args] of steps) {
    const running = run(command, args);
    step = running.child;
    const { code, seconds } = await running;
    step = undefined;
    timings.push(`${name} ${seconds.toFixed(1)} s`);
    if (code !== 0) {
      stopSearch();
      return code;
    }
  }
  const waited = performance.now();
  // Started before the first step.
  const indexed = await /** @type {Promise<Outcome>} */ (search);
  timings.push(`search index ${indexed.seconds.toFixed(1)} s, waited for ${since(waited).toFixed(1)} s`);
  if (indexed.code !== 0) {
    stopSearch();
    return indexed.code;
  }
  // An indexer that ended early without a word must not leave search empty.
  if (!existsSync(path.join(staging, 'shards.json'))) {
    stopSearch();
    console.error('build: the search index ended without writing its manifest (shards.json)');
    return 1;
  }
  const target = path.join(root, isStatic ? 'out' : 'public', 'pagefind');
  replaceFolder(target, staging);
  console.log(`build: ${timings.join(' · ')}`);
  if (isStatic) {
    const exported = exportSize(path.join(root, 'out'));
    console.log(
      `export: out/ holds ${exported.files} files in ${exported.directories} folders, ${exported.bytes} bytes, the largest file ${exported.largestFileBytes} bytes`,
    );
    const warning = hostLimitWarning(exported);
    if (warning) console.warn(`\n${warning}\n`);
  }
  return 0;
}

process.exitCode = await main();
