// @ts-check
// A production install as the Dockerfile makes one, without Docker: the runtime stage's steps, read
// from the Dockerfile itself, run in a folder of their own on a build made here; and plain `next start`,
// which must refuse to serve this site.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../chromium.mjs';
import { buildNode, root } from './harness.mjs';

const PORT = 3470;

/**
 * The runtime stage of the Dockerfile: its instructions in order, with line continuations joined.
 * @returns {{ instruction: string, args: string }[]}
 */
function runtimeStage() {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const stages = text.split(/^FROM /m).slice(1);
  assert.equal(stages.length, 2, 'a build stage and a runtime stage');
  return (stages[1] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [instruction, ...rest] = line.split(' ');
      return { instruction, args: rest.join(' ') };
    });
}

/** @param {{ instruction: string, args: string }[]} stage @param {string} name */
const argsOf = (stage, name) => stage.filter((s) => s.instruction === name).map((s) => s.args);

/**
 * Carries out a runtime stage's COPY and RUN steps in `dir`: a COPY from the build stage takes from this
 * checkout (the build stage's /app), any other from the build context (this checkout too). A RUN may
 * only install with npm; `npm cache clean` is left out, since here the cache is this machine's.
 * @param {{ instruction: string, args: string }[]} stage
 * @param {string} dir
 */
function carryOut(stage, dir) {
  for (const { instruction, args } of stage) {
    if (instruction === 'COPY') {
      const parts = args.split(/\s+/).filter((a) => !a.startsWith('--'));
      const to = path.join(dir, /** @type {string} */ (parts.pop()));
      for (const from of parts) {
        const source = path.join(root, from.startsWith('/app') ? path.relative('/app', from) : from);
        const target = parts.length > 1 || to.endsWith(path.sep) ? path.join(to, path.basename(from)) : to;
        cpSync(source, target, { recursive: true });
      }
    } else if (instruction === 'RUN') {
      for (const step of args.split('&&').map((s) => s.trim())) {
        const [command, ...rest] = step.split(/\s+/);
        assert.equal(command, 'npm', `a RUN step the test cannot carry out: ${step}`);
        if (rest[0] === 'cache') continue;
        execFileSync('npm', [...rest, '--prefer-offline'], { cwd: dir, stdio: 'pipe' });
      }
    }
  }
}

describe('a production install, as the Dockerfile makes it', () => {
  const stage = runtimeStage();
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-install-'));
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  let log = '';
  const base = `http://127.0.0.1:${PORT}`;

  before(() => {
    // The build stage: `npm run build`, then its build cache removed.
    buildNode({ PRERENDER_NEWEST: '2' });
    carryOut(stage, dir);
    rmSync(path.join(dir, '.next', 'cache'), { recursive: true, force: true });
  });

  after(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs as a user without privileges, installs for production, and has a health check', () => {
    const [user] = argsOf(stage, 'USER');
    assert.ok(user && user !== 'root' && user !== '0', `USER ${user}`);
    assert.match(argsOf(stage, 'RUN').join(' '), /npm ci --omit=dev/);
    assert.match(argsOf(stage, 'HEALTHCHECK').join(' '), /\/healthz/);
    assert.match(argsOf(stage, 'ENV').join(' '), /HOSTNAME=0\.0\.0\.0/);
  });

  it('installs no development tool', () => {
    for (const tool of ['typescript', 'tsx', 'vitest', 'pagefind', 'tailwindcss']) {
      assert.ok(!existsSync(path.join(dir, 'node_modules', tool)), `${tool} is installed`);
    }
    assert.ok(existsSync(path.join(dir, 'node_modules', 'next')));
  });

  it('serves the site from the build: prerendered and long-tail pages, plain, and a health route', async () => {
    const [command, ...args] = JSON.parse(argsOf(stage, 'CMD')[0] ?? '[]');
    server = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(PORT), HOSTNAME: '127.0.0.1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => {
      log += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    await waitFor(`${base}/healthz`, { child: server, timeoutMs: 60_000 });
    const deadline = Date.now() + 60_000;
    while ((await fetch(`${base}/healthz`)).status !== 200) {
      assert.ok(Date.now() < deadline, `not healthy within a minute:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200, log);
    const html = await home.text();
    assert.match(html, /<h2[^>]*>|<article/);
    assert.doesNotMatch(html, /<script\b[^>]*\bsrc="\/_next\//);
    // The oldest article was not prerendered (PRERENDER_NEWEST=2): it renders on this request.
    const slugs = [...html.matchAll(/href="\/articles\/([^"/]+)"/g)].map((m) => m[1]);
    assert.ok(slugs.length > 2);
    const oldest = await fetch(`${base}/articles/${slugs.at(-1)}`);
    assert.equal(oldest.status, 200);
    assert.doesNotMatch(await oldest.text(), /self\.__next_f/);
    const tags = await fetch(`${base}/tags`);
    assert.equal(tags.status, 200);
    assert.match(log, /Ready on/);
  });
});

describe('plain `next start`', () => {
  it('refuses to serve this site, naming npm start', () => {
    let output = '';
    let code = 0;
    try {
      execFileSync(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT + 1)], {
        cwd: root,
        stdio: 'pipe',
        timeout: 60_000,
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch (error) {
      const failed = /** @type {{ status: number, stdout: Buffer, stderr: Buffer }} */ (error);
      code = failed.status;
      output = `${failed.stdout}${failed.stderr}`;
    }
    assert.ok(code !== null && code !== 0, `next start kept running or exited 0:\n${output}`);
    assert.match(output, /npm start/);
  });
});
