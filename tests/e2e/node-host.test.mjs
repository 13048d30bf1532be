// @ts-check
// The Node host at scale, with real parts: one build that prerenders only the newest articles, a
// Debian redis-server, two `npm start` instances sharing it, and a content folder changed while they
// run. REVALIDATE_SECONDS is 1, so "within REVALIDATE_SECONDS" is checked against a short clock.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildNode, launch, offlinePage, removeDir, root, startNode, startRedis } from './harness.mjs';

const CONTENT_DIR = mkdtempSync(path.join(tmpdir(), 'inkwell-node-content-'));
cpSync(path.join(root, 'tests/fixtures/site'), CONTENT_DIR, { recursive: true });
const LOGS = mkdtempSync(path.join(tmpdir(), 'inkwell-node-logs-'));
const REDIS_PORT = 4340;
const REVALIDATE_SECONDS = 1;

/** @type {import('./harness.mjs').Redis} */
let redis;
/** @type {import('./harness.mjs').Server} */
let a;
/** @type {import('./harness.mjs').Server} */
let b;
/** @type {import('playwright-core').Browser} */
let browser;
/** @param {string} name */
const logOf = (name) => readFileSync(path.join(LOGS, `${name}.log`), 'utf8');

before(async () => {
  buildNode({ CONTENT_DIR, PRERENDER_NEWEST: '2' });
  redis = await startRedis(REDIS_PORT);
  const env = { CONTENT_DIR, REDIS_URL: redis.url, REVALIDATE_SECONDS: String(REVALIDATE_SECONDS) };
  /** @param {string} name */
  const log = (name) => openSync(path.join(LOGS, `${name}.log`), 'w');
  [a, b, browser] = await Promise.all([startNode(4341, env, log('a')), startNode(4342, env, log('b')), launch()]);
});

after(async () => {
  await browser?.close();
  a?.stop();
  b?.stop();
  redis?.stop();
  removeDir(CONTENT_DIR);
  removeDir(LOGS);
});

/**
 * @param {import('./harness.mjs').Server} host
 * @param {string} url
 */
const get = (host, url) => fetch(`${host.base}${url}`, { redirect: 'manual' });
/**
 * @param {import('./harness.mjs').Server} host
 * @param {string} url
 */
const text = async (host, url) => (await get(host, url)).text();
/**
 * @param {string} name
 * @param {string} body
 */
const write = (name, body) => writeFileSync(path.join(CONTENT_DIR, name), body);

/**
 * Retries `check` until it stops throwing; returns the seconds it took.
 * @param {() => unknown} check
 */
async function eventually(check, timeoutMs = 10_000) {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return (Date.now() - start) / 1000;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** @param {string} html */
const scripts = (html) => [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);

describe('Node host: the long tail on demand', () => {
  it('serves the newest articles from the build and renders an older one on its first request, as the same page', async () => {
    const prerendered = await get(a, '/articles/hostile-markup');
    assert.equal(prerendered.headers.get('x-nextjs-cache'), 'HIT');
    const onDemand = await get(a, '/articles/brief-07');
    assert.equal(onDemand.status, 200);
    assert.notEqual(onDemand.headers.get('x-nextjs-cache'), 'HIT');
    const html = await onDemand.text();
    assert.match(html, /<h1[^>]*>Brief number 07<\/h1>/);
    // No framework JavaScript and no RSC payload, like every prerendered page: the JSON-LD and the
    // theme script are the only scripts.
    assert.doesNotMatch(html, /\/_next\/static\/[^"]+\.js/);
    assert.doesNotMatch(html, /__next_f/);
    assert.deepEqual(scripts(html), scripts(await prerendered.text()));
    for (const header of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'x-frame-options',
      'cache-control',
    ]) {
      assert.equal(onDemand.headers.get(header), prerendered.headers.get(header), header);
    }
    assert.equal(
      onDemand.headers.get('cache-control'),
      `public, max-age=0, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=86400`,
    );
    assert.equal((await get(a, '/articles/no-such-article')).status, 404);
  });

  it('keeps no page for a made-up URL in the shared cache', async () => {
    const keys = redis.keys();
    for (const host of [a, b, a]) {
      const response = await get(host, '/articles/made-up-by-a-crawler');
      assert.equal(response.status, 404);
      assert.notEqual(response.headers.get('x-nextjs-cache'), 'HIT');
    }
    assert.equal(redis.keys(), keys);
  });

  it('renders a page once for both instances: what one renders is a cache hit on the other', async () => {
    for (const url of ['/articles/brief-08', '/tags/briefs', '/archive/2026/04']) {
      const first = await get(a, url);
      assert.equal(first.status, 200, url);
      assert.notEqual(first.headers.get('x-nextjs-cache'), 'HIT', url);
      // Later than the one second Next gives a page it did not render itself, unless told its lifetime.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const other = await get(b, url);
      assert.equal(other.headers.get('x-nextjs-cache'), 'HIT', url);
      assert.equal(await other.text(), await first.text(), url);
    }
  });
});

describe('Node host: new content without a rebuild', () => {
  /** @param {string} title */
  const fresh = (title) =>
    `---\ntitle: "${title}"\ndate: '2026-06-01'\nexcerpt: "Filed while the servers run."\ntags: [Briefs, Wirefresh]\ncategory: News\nauthor: "Ada Winters"\n---\nA body written after the build.\n`;

  it('serves a new file on both instances within REVALIDATE_SECONDS, in every list it belongs to', async () => {
    write('fresh-off-the-wire.md', fresh('Fresh off the wire'));
    const seconds = await eventually(async () => {
      for (const host of [a, b]) {
        assert.equal((await get(host, '/articles/fresh-off-the-wire')).status, 200);
        for (const url of ['/', '/tags/briefs', '/categories/news', '/authors/ada-winters', '/archive/2026/06']) {
          assert.match(await text(host, url), /Fresh off the wire/, url);
        }
        for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml']) {
          assert.match(await text(host, url), /fresh-off-the-wire/, url);
        }
        assert.match(await text(host, '/tags'), /Wirefresh/);
      }
    });
    assert.ok(seconds <= REVALIDATE_SECONDS + 2, `seen after ${seconds} s`);
  });

  it('shows an edit, and a deleted file answers 404 and leaves the lists', async () => {
    write('fresh-off-the-wire.md', fresh('Fresh off the wire, corrected'));
    await eventually(async () => {
      for (const host of [a, b]) {
        assert.match(await text(host, '/articles/fresh-off-the-wire'), /<h1[^>]*>Fresh off the wire, corrected<\/h1>/);
        assert.match(await text(host, '/'), /Fresh off the wire, corrected/);
      }
    });
    rmSync(path.join(CONTENT_DIR, 'fresh-off-the-wire.md'));
    await eventually(async () => {
      for (const host of [a, b]) {
        assert.equal((await get(host, '/articles/fresh-off-the-wire')).status, 404);
        assert.doesNotMatch(await text(host, '/'), /Fresh off the wire/);
        assert.doesNotMatch(await text(host, '/feed.xml'), /fresh-off-the-wire/);
        assert.doesNotMatch(await text(host, '/tags'), /Wirefresh/);
      }
    });
  });

  it('skips a bad file with a log line naming the file and the field, and keeps serving the rest', async () => {
    write('impossible-date.md', "---\ntitle: Impossible\ndate: '2026-13-45'\n---\nNever shown.\n");
    await eventually(() => {
      for (const name of ['a', 'b'])
        assert.match(logOf(name), /content: left out: .*impossible-date\.md: date: "2026-13-45"/);
    });
    for (const host of [a, b]) {
      assert.equal((await get(host, '/')).status, 200);
      assert.equal((await get(host, '/articles/impossible-date')).status, 404);
    }
    rmSync(path.join(CONTENT_DIR, 'impossible-date.md'));
  });

  it('catches search up with `npm run search:index`, without a restart', async () => {
    write('quokka-report.md', fresh('The quokkaphonic report'));
    execFileSync('npm', ['run', 'search:index'], { cwd: root, env: { ...process.env, CONTENT_DIR }, stdio: 'pipe' });
    const page = await offlinePage(browser);
    await page.goto(`${a.base}/search?q=quokkaphonic`);
    const result = page.locator('main ol li a').first();
    await result.waitFor();
    assert.equal(await result.innerText(), 'The quokkaphonic report');
    assert.equal(await result.getAttribute('href'), '/articles/quokka-report');
    await page.context().close();
  });
});

describe('Node host: Redis going away', () => {
  it('keeps every instance answering 200, logs it once, and shares the cache again when Redis returns', async () => {
    redis.stop();
    for (let round = 0; round < 3; round++) {
      for (const host of [a, b]) {
        for (const url of ['/', '/articles/brief-07', '/articles/brief-09', '/tags/ai', '/feed.xml']) {
          assert.equal((await get(host, url)).status, 200, `${host.base}${url} without Redis`);
        }
      }
    }
    redis = await startRedis(REDIS_PORT);
    await eventually(() => {
      for (const name of ['a', 'b']) assert.match(logOf(name), /cache: Redis is back/);
    });
    for (const name of ['a', 'b']) assert.equal(logOf(name).match(/cache: Redis at .* is unreachable/g)?.length, 1);
    const first = await get(a, '/articles/brief-10');
    assert.equal(first.status, 200);
    assert.ok(redis.keys() > 0);
    assert.equal((await get(b, '/articles/brief-10')).headers.get('x-nextjs-cache'), 'HIT');
  });
});
