// @ts-check
// Shared end-to-end harness: builds, servers on loopback and a Chromium from Debian.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, waitFor } from '../chromium.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** @typedef {Record<string, string>} Env environment variables set for one build or server */
/** @typedef {{ base: string, stop: () => void }} Server a server on loopback: its origin, and how to stop it */

/**
 * Builds the static export of a content folder and moves it to a temporary folder of its own.
 * @param {Env} [extraEnv]
 */
export function buildStatic(extraEnv = {}) {
  execFileSync('npm', ['run', 'build:static'], { cwd: root, env: { ...env, ...extraEnv }, stdio: 'pipe' });
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-out-'));
  cpSync(path.join(root, 'out'), dir, { recursive: true });
  return dir;
}

/**
 * Runs a build that is expected to fail, returning its exit code and output.
 * @param {string} script
 * @param {Env} [extraEnv]
 * @returns {{ code: number | null, output: string }}
 */
export function buildExpectingFailure(script, extraEnv = {}) {
  try {
    execFileSync('npm', ['run', script], { cwd: root, env: { ...env, ...extraEnv }, stdio: 'pipe' });
    return { code: 0, output: '' };
  } catch (error) {
    // What execFileSync throws for a command that exits non-zero.
    const failed = /** @type {{ status: number | null, stdout: Buffer, stderr: Buffer }} */ (error);
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

/** @param {Env} [extraEnv] */
export function buildNode(extraEnv = {}) {
  execFileSync('npm', ['run', 'build'], { cwd: root, env: { ...env, ...extraEnv }, stdio: 'pipe' });
}

/**
 * Starts a server in its own process group, so stopping it stops its children too. Its output goes to
 * `log` (a file descriptor) when given.
 * @param {string} command
 * @param {string[]} args
 * @param {number} port
 * @param {Env} [extraEnv]
 * @param {number} [timeoutMs]
 * @param {number | 'ignore'} [log]
 * @returns {Promise<Server>}
 */
async function start(command, args, port, extraEnv = {}, timeoutMs = 30_000, log = 'ignore') {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv, PORT: String(port) },
    detached: true,
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(base, { child, timeoutMs });
  return {
    base,
    stop: () => {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
      } catch {}
    },
  };
}

/**
 * `npm start`: the Node host's server (lib/server/server.mjs).
 * @param {number} port
 * @param {Env} [extraEnv]
 * @param {number | 'ignore'} [log]
 */
export const startNode = (port, extraEnv = {}, log = 'ignore') =>
  start('node', ['lib/server/server.mjs', '-p', String(port), '-H', '127.0.0.1'], port, extraEnv, 30_000, log);
/**
 * @param {string} dir
 * @param {number} port
 */
export const serveStatic = (dir, port) => start('node', ['scripts/serve-static.mjs', dir, String(port)], port);
/**
 * `npm run dev` on a content folder; its own build folder, so it never meets a build's.
 * @param {number} port
 * @param {string} contentDir
 */
export const startDev = (port, contentDir) =>
  start('npx', ['next', 'dev', '-p', String(port), '-H', '127.0.0.1'], port, { CONTENT_DIR: contentDir }, 60_000);

/**
 * Builds one content set for both hosts, serves the export on `port` and `npm start` on `port + 1`,
 * and launches Chromium. `close()` stops all of it. The Node host prerenders only the three newest
 * articles, so every comparison of the two hosts also compares pages rendered on demand.
 * @param {Env} env
 * @param {number} port
 */
export async function bothHosts(env, port) {
  const dir = buildStatic(env);
  buildNode({ PRERENDER_NEWEST: '3', ...env });
  const [staticHost, nodeHost, browser] = await Promise.all([
    serveStatic(dir, port),
    startNode(port + 1, env),
    launch(),
  ]);
  const close = async () => {
    await browser.close();
    staticHost.stop();
    nodeHost.stop();
    removeDir(dir);
  };
  return { staticHost, nodeHost, browser, close, staticDir: dir };
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * A page that answers every request outside loopback locally, so tests never touch the network.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function offlinePage(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL }),
  );
  return context.newPage();
}

/** @param {string} dir */
export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** @typedef {Awaited<ReturnType<typeof startRedis>>} Redis */

/**
 * Debian's redis-server on loopback, nothing saved to disk, in its own process group.
 * @param {number} port
 */
export async function startRedis(port) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  const { createConnection } = await import('node:net');
  const listening = () =>
    new Promise((resolve) => {
      const socket = createConnection(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
  for (let tries = 0; !(await listening()); tries++) {
    if (tries > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    /** The number of keys it holds. */
    keys: () => Number(execFileSync('redis-cli', ['-p', String(port), 'dbsize'], { encoding: 'utf8' }).trim()),
    stop: () => {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {}
    },
  };
}
