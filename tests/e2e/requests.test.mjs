// @ts-check
// The Node host under untrusted requests, without Redis: malformed, odd and made-up requests, sent
// as raw bytes (node:net) so that a malformed request line reaches the server as written. Each gets a
// clean answer — a 4xx, a 416 for a range that cannot be served, a 308 or a 404 for another spelling
// of a page — and nothing for a made-up URL is kept in the cache; the log shows no uncaught error and
// the host keeps serving.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { filesUnder } from '../../lib/files.mjs';
import { buildNode, removeDir, root, startNode } from './harness.mjs';

const CONTENT_DIR = mkdtempSync(path.join(tmpdir(), 'inkwell-requests-content-'));
cpSync(path.join(root, 'tests/fixtures/site'), CONTENT_DIR, { recursive: true });
const LOGS = mkdtempSync(path.join(tmpdir(), 'inkwell-requests-logs-'));
const LOG = path.join(LOGS, 'server.log');
const PORT = 4350;
/** A file of the search index's newest shard, as the search page loads it (public/pagefind/shards.json). */
let SEARCH_FILE = '';

/** @type {import('./harness.mjs').Server} */
let host;
before(async () => {
  buildNode({ CONTENT_DIR, PRERENDER_NEWEST: '2' });
  const manifest = JSON.parse(readFileSync(path.join(root, 'public/pagefind/shards.json'), 'utf8'));
  SEARCH_FILE = `/pagefind/${manifest.shards[0].dir}/pagefind.js`;
  host = await startNode(PORT, { CONTENT_DIR }, openSync(LOG, 'w'));
});

after(() => {
  host?.stop();
  removeDir(CONTENT_DIR);
  removeDir(LOGS);
});

/**
 * Writes `bytes` to the server as they are and reads the answer up to the server closing the
 * connection (every request here asks it to). Fails if no answer came within a few seconds.
 * @param {string} bytes
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: Buffer }>}
 */
function send(bytes) {
  return new Promise((resolve, reject) => {
    const socket = createConnection(PORT, '127.0.0.1');
    /** @type {Buffer[]} */
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(bytes.slice(0, 120))}`));
    }, 5000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(split + 4) });
    });
    socket.write(bytes);
  });
}

/** @typedef {Record<string, string | number>} RequestHeaders header names and values, as written */

/**
 * A request as a client could write it; `head` is the request line's start, `METHOD target`.
 * @param {string} head
 * @param {RequestHeaders} [headers]
 */
const request = (head, headers = {}, body = '') =>
  send(
    `${head} HTTP/1.1\r\n${Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers })
      .map(([key, value]) => `${key}: ${value}\r\n`)
      .join('')}\r\n${body}`,
  );
/**
 * @param {string} target
 * @param {RequestHeaders} [headers]
 */
const get = (target, headers) => request(`GET ${target}`, headers);

/**
 * @param {number} status
 * @param {string} head
 * @param {RequestHeaders} [headers]
 * @param {string} [body]
 */
async function expectStatus(status, head, headers, body) {
  const response = await request(head, headers, body);
  assert.equal(response.status, status, head.slice(0, 120));
  return response;
}

describe('ranges of a /pagefind/ file', () => {
  const file = () => readFileSync(path.join(root, 'public', SEARCH_FILE));

  it('serves one range, in each of its forms, as the exact bytes, uncompressed', async () => {
    const bytes = file();
    const size = bytes.length;
    /** @type {[range: string, first: number, last: number][]} */
    const ranges = [
      ['bytes=0-9', 0, 9],
      ['bytes=10-', 10, size - 1],
      ['bytes=-10', size - 10, size - 1],
      [`bytes=5-${size + 1000}`, 5, size - 1],
      [`bytes=-${size + 1000}`, 0, size - 1],
    ];
    for (const [range, first, last] of ranges) {
      const response = await get(SEARCH_FILE, { Range: range, 'Accept-Encoding': 'gzip, br' });
      assert.equal(response.status, 206, range);
      assert.equal(response.headers['content-range'], `bytes ${first}-${last}/${size}`, range);
      assert.equal(response.headers['content-encoding'], undefined, range);
      assert.deepEqual(response.body, bytes.subarray(first, last + 1), range);
    }
  });

  it('answers 416 with the length to a reversed, several, malformed or past-the-end range', async () => {
    const size = file().length;
    for (const range of [
      'bytes=500-100',
      'bytes=1-0',
      'bytes=0-10,5-20',
      'bytes=0-1,4-5',
      'bytes=abc',
      'bytes=',
      'bytes=-',
      'bytes=-0',
      'bytes=1.5-2',
      `bytes=${size}-`,
      'bytes=99999999-',
      `bytes=${'9'.repeat(400)}-`,
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const response = await expectStatus(416, `${method} ${SEARCH_FILE}`, { Range: range });
        assert.equal(response.headers['content-range'], `bytes */${size}`, range);
      }
    }
  });

  it('ignores a range in another unit, and a range of a file that is not there', async () => {
    assert.equal((await get(SEARCH_FILE, { Range: 'items=0-5' })).status, 200);
    assert.equal((await get('/pagefind/no-such-file.js', { Range: 'bytes=500-100' })).status, 404);
  });
});

describe('malformed and odd requests', () => {
  it('answers 400 to a path that does not decode, holds a NUL or climbs with `..`', async () => {
    for (const target of [
      '/%zz',
      '/articles/%E0%A4%A',
      '/articles/%C3%28',
      '/%00',
      '/articles/brief-07%00',
      '/pagefind/../package.json',
      '/pagefind/%2e%2e/package.json',
      '/pagefind/%2E%2E/%2E%2E/package.json',
      '/pagefind/..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/articles/./brief-07',
    ]) {
      await expectStatus(400, `GET ${target}`);
    }
  });

  it('never redirects to another host: an empty segment is a 404', async () => {
    for (const target of ['//evil.example/%61', '///evil.example/%7E', '/articles//brief-07', '//evil.example/']) {
      await expectStatus(404, `GET ${target}`);
    }
  });

  it('answers 414 to an overlong URL', async () => {
    await expectStatus(414, `GET /articles/${'a'.repeat(10_000)}`);
    await expectStatus(414, `GET /search?q=${'a'.repeat(10_000)}`);
  });

  it('answers 405 to any method but GET and HEAD, and 400 to one Node cannot parse', async () => {
    for (const head of [
      'PROPFIND /',
      'TRACE /',
      'OPTIONS *',
      'OPTIONS /',
      'DELETE /articles/brief-07',
      'PUT /articles/brief-07',
      'PATCH /',
      'CONNECT 127.0.0.1:22',
    ]) {
      const response = await expectStatus(405, head);
      assert.equal(response.headers.allow, 'GET, HEAD', head);
    }
    await expectStatus(405, 'POST /articles/brief-07', { 'Content-Length': 2 }, 'ab');
    await expectStatus(400, 'get /');
    // The content refresh is the one POST, and only for the server itself, which holds the token.
    await expectStatus(404, 'POST /api/content');
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', '\u0000\r\n\r\n']) {
      assert.equal((await send(garbage)).status, 400, JSON.stringify(garbage));
    }
  });

  it('answers 431 to a huge header and 400 to a GET with a body', async () => {
    await expectStatus(431, 'GET /', { 'X-Huge': 'a'.repeat(20_000) });
    await expectStatus(400, 'GET /', { 'Content-Length': 5 }, 'hello');
    await expectStatus(400, 'GET /', { 'Transfer-Encoding': 'chunked' }, '5\r\nhello\r\n0\r\n\r\n');
    await expectStatus(200, 'GET /', { 'Content-Length': 0 });
  });

  it('answers the absolute form and an Upgrade request as the plain requests they are', async () => {
    await expectStatus(200, `GET http://127.0.0.1:${PORT}/articles/brief-07`);
    await expectStatus(200, 'GET /', { Connection: 'Upgrade, close', Upgrade: 'websocket' });
    await expectStatus(200, 'GET /', {
      Connection: 'Upgrade, HTTP2-Settings, close',
      Upgrade: 'h2c',
      'HTTP2-Settings': '',
    });
  });
});

describe('one URL per page', () => {
  it('serves each page at the URL lib/urls.ts builds, in any script', async () => {
    for (const target of [
      '/',
      '/page/2',
      '/articles/brief-07',
      '/articles/brief-12',
      '/tags/k%C3%BCnstliche-intelligenz',
      '/tags/k%C3%BCnstliche-intelligenz/feed.xml',
      '/tags/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0',
      '/tags/ai/page/2',
      '/categories/forschung-and-entwicklung',
      '/categories/forschung-and-entwicklung/atom.xml',
      '/authors/zo%C3%AB-lindqvist',
      '/authors/zo%C3%AB-lindqvist/feed.json',
      '/archive/2026/04',
      '/sitemaps/1.xml',
    ]) {
      await expectStatus(200, `GET ${target}`);
    }
  });

  it('sends another escaping of a page to its own spelling, once', async () => {
    for (const [target, location] of [
      ['/articles/%62rief-07', '/articles/brief-07'],
      ['/%61rticles/brief-07', '/articles/brief-07'],
      ['/tags/k%c3%bcnstliche-intelligenz', '/tags/k%C3%BCnstliche-intelligenz'],
      ['/tags/%61i/feed.xml?utm=x', '/tags/ai/feed.xml?utm=x'],
      ['/sitemaps/%31.xml', '/sitemaps/1.xml'],
    ]) {
      const response = await expectStatus(308, `GET ${target}`);
      assert.equal(response.headers.location, location, target);
      await expectStatus(200, `GET ${location}`);
    }
  });

  it('answers 404 to any other spelling of a page, and keeps it from the page it names', async () => {
    for (const target of [
      '/articles/Brief-07',
      '/ARTICLES/brief-07',
      '/articles/brief-07x',
      '/articles/brief-07.html',
      '/articles/brief-07/x',
      '/articles/%2562rief-07',
      '/tags/AI',
      '/tags/k%25C3%25BCnstliche-intelligenz',
      '/tags/ku%CC%88nstliche-intelligenz',
      '/tags/ku%CC%88nstliche-intelligenz/feed.xml',
      '/tags/AI/feed.xml',
      '/tags/ai/page/1',
      '/tags/ai/page/01',
      '/tags/ai/page/2x',
      '/page/1',
      '/page/01',
      '/page/%202',
      '/archive/2025/1',
      '/archive/2026/4',
      '/archive/2026/04/page/1',
      '/sitemaps/01.xml',
      '/sitemaps/1e0.xml',
      '/sitemaps/%2B1.xml',
      '/sitemaps/%201.xml',
      '/sitemaps/1.xml.bak',
      '/sitemaps/2.xml',
    ]) {
      await expectStatus(404, `GET ${target}`);
    }
    // Asked first, another spelling must not have been filed under the page's own key.
    await expectStatus(404, 'GET /articles/%2562rief-10');
    await expectStatus(200, 'GET /articles/brief-10');
    await expectStatus(404, 'GET /tags/ku%CC%88nstliche-intelligenz/atom.xml');
    await expectStatus(200, 'GET /tags/k%C3%BCnstliche-intelligenz/atom.xml');
  });
});

/** Every file the cache keeps of pages rendered since the build. */
function cachedFiles(dir = path.join(root, '.next/server/route-cache')) {
  try {
    return filesUnder(dir).length;
  } catch {
    return 0;
  }
}

describe('made-up URLs', () => {
  it('keep nothing in the cache', async () => {
    /** @param {number} i */
    const madeUp = (i) => [
      `/articles/made-up-${i}`,
      `/tags/made-up-${i}`,
      `/tags/made-up-${i}/feed.xml`,
      `/categories/news/page/${i + 100}`,
      `/authors/made-up-${i}/page/2`,
      `/archive/2026/${i + 13}`,
      `/page/${i + 50}`,
      `/sitemaps/${i + 2}.xml`,
      `/nothing/here/${i}`,
    ];
    // Each route's first 404 may bring Next's own not-found page out of the build: that is once.
    for (const target of madeUp(0)) await expectStatus(404, `GET ${target}`);
    const files = cachedFiles();
    for (let i = 1; i <= 30; i++) {
      await Promise.all(madeUp(i).map((target) => expectStatus(404, `GET ${target}`)));
    }
    assert.equal(cachedFiles(), files);
  });
});

describe('afterwards', () => {
  it('still serves the site, and logged no uncaught error and no stack trace', async () => {
    await expectStatus(200, 'GET /');
    const log = readFileSync(LOG, 'utf8');
    assert.doesNotMatch(log, /uncaught|unhandled|request failed|Failed to/i);
    assert.doesNotMatch(log, /^\s+at /m);
  });
});
