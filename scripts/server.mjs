// `npm start`: the Node host. Next's own production server and cache (shared through Redis when
// REDIS_URL is set, see lib/cache-handler.mjs), with what `next start` alone cannot do for this site:
// 1. Every HTML page leaves as the plain document postbuild makes of prerendered ones
//    (scripts/strip-runtime.mjs), so a page rendered on demand or regenerated is the same page.
// 2. Every REVALIDATE_SECONDS (default 60) it has the app look at CONTENT_DIR (app/api/content); when
//    a file changed, the cached pages are marked stale and made again on their next request.
// 3. /pagefind/ is served from the folder as it is now, so `npm run search:index` needs no restart.
// 4. Cached pages tell shared caches (a CDN) to keep them REVALIDATE_SECONDS, then revalidate.
// 5. Requests are untrusted. One that can name nothing here (an odd method, a body on a GET, a path
//    that does not decode, `..`, an overlong URL, a Range that cannot be served) is answered 4xx
//    before Next sees it; a path spelled other than the way lib/urls.ts spells it is sent to that
//    spelling (308); whatever a request makes the handler throw is logged once and answered 500.
// Usage: npm start [-- -p 3000] [-H 127.0.0.1]   (PORT and HOSTNAME work too)
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { statSync } from 'node:fs';
import { createServer, STATUS_CODES } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import compression from 'compression';
import next from 'next';
import sirv from 'sirv';
import { canonicalPath } from '../lib/segments.mjs';
import { stripRuntime } from './strip-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
const revalidateSeconds = Number(process.env.REVALIDATE_SECONDS?.trim() || 60);
if (!Number.isInteger(revalidateSeconds) || revalidateSeconds < 1) {
  console.error(
    `REVALIDATE_SECONDS must be a whole number of seconds, at least 1: "${process.env.REVALIDATE_SECONDS}"`,
  );
  process.exit(1);
}

// Read by lib/content.ts (look at the folder when rendering) and app/api/content (who may ask it to).
process.env.INKWELL_LIVE_CONTENT = '1';
process.env.INKWELL_REFRESH_TOKEN = randomBytes(24).toString('hex');

// Next listens for WebSocket upgrades on the server it is given, or else on the first request's, and in
// production closes them unanswered. Given a stand-in, it leaves Node to answer an Upgrade request as
// the plain request it also is.
const app = next({ dev: false, dir: root, hostname, port, httpServer: new EventEmitter() });
const handle = app.getRequestHandler();
const compress = compression();
const { securityHeaders } = createRequire(import.meta.url)('../lib/security-headers.js');
const publicDir = path.join(root, 'public');
const searchIndex = sirv(publicDir, {
  dev: true,
  setHeaders: (res) => {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
  },
});
const sharedCacheControl = `public, max-age=0, s-maxage=${revalidateSeconds}, stale-while-revalidate=86400`;

/**
 * Buffers an HTML response to send it stripped of Next's client runtime; anything else passes through.
 * Next marks what it serves from its cache `s-maxage=<a year>`: a CDN is told to keep it as long as
 * this server would, REVALIDATE_SECONDS.
 */
function plainPages(res) {
  const { write, end, writeHead, flushHeaders } = res;
  let chunks;
  const buffering = () => {
    if (!chunks && String(res.getHeader('content-type')).startsWith('text/html')) chunks = [];
    return chunks !== undefined;
  };
  const encodingOf = (encoding) => (typeof encoding === 'string' ? encoding : undefined);
  res.writeHead = function (...args) {
    if (/s-maxage/.test(String(this.getHeader('cache-control') ?? ''))) {
      this.setHeader('Cache-Control', sharedCacheControl);
    }
    return writeHead.apply(this, args);
  };
  res.flushHeaders = function () {
    if (!buffering()) flushHeaders.call(this);
  };
  res.write = function (chunk, encoding, callback) {
    if (!buffering()) return write.call(this, chunk, encoding, callback);
    chunks.push(Buffer.from(chunk, encodingOf(encoding)));
    (typeof encoding === 'function' ? encoding : callback)?.();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (!buffering()) return end.call(this, chunk, encoding, callback);
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk, encodingOf(encoding)));
    const html = Buffer.from(stripRuntime(Buffer.concat(chunks).toString('utf8')));
    // A HEAD request has no body here: its length stays the one Next set.
    if (!this.headersSent && chunks.length > 0) this.setHeader('Content-Length', html.length);
    return end.call(
      this,
      html,
      [chunk, encoding, callback].find((a) => typeof a === 'function'),
    );
  };
}

const READ_METHODS = ['GET', 'HEAD'];
/** Longer than any URL the site builds, even of a long slug in a non-Latin script, percent-encoded. */
const MAX_TARGET = 4096;

/** Answers a request here, in plain text, with the headers every page has. */
function answer(res, status, headers = {}) {
  res.statusCode = status;
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  for (const [key, value] of Object.entries({ 'Content-Type': 'text/plain; charset=utf-8', ...headers })) {
    res.setHeader(key, value);
  }
  res.end(`${STATUS_CODES[status]}\n`);
}

/**
 * Answers, before Next sees it, a request that can name nothing here, or a path spelled other than the
 * way lib/urls.ts spells it; true when it did. Next would throw on a path it cannot decode, and file
 * any other spelling under its decoded path, where a second spelling of a page meets the page.
 */
function screen(req, res) {
  // The absolute form (`GET http://host/path`), which HTTP/1.1 servers must accept, as a plain path.
  const target = (req.url ?? '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';
  const queryAt = target.search(/[?#]/);
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  // The one POST is this server's own call to app/api/content.
  if (!READ_METHODS.includes(req.method) && !(req.method === 'POST' && pathname === '/api/content')) {
    answer(res, 405, { Allow: READ_METHODS.join(', ') });
    return true;
  }
  if (target.length > MAX_TARGET) {
    answer(res, 414);
    return true;
  }
  // A body on a GET means nothing here; it is not read, so the connection is not used again.
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const canonical = pathname.startsWith('/') ? canonicalPath(pathname) : undefined;
  if (canonical === undefined || (req.method !== 'POST' && hasBody)) {
    answer(res, 400, { Connection: 'close' });
    return true;
  }
  // An empty segment names no page, and `//host/…` in a Location would send the reader to that host.
  if (pathname.includes('//')) {
    answer(res, 404);
    return true;
  }
  if (canonical !== pathname) {
    res.statusCode = 308;
    res.setHeader('Location', canonical + target.slice(pathname.length));
    res.end();
    return true;
  }
  req.url = target;
  return false;
}

/** The one range a Range header asks for, or undefined when it asks for none that can be served. */
function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1], match[2]].map((n) => (n === '' ? undefined : Number(n)));
  if (first !== undefined && last !== undefined && last < first) return undefined;
  const range =
    first === undefined
      ? { first: Math.max(0, size - last), last: size - 1 } // `bytes=-n`: the last n bytes
      : { first, last: Math.min(last ?? size - 1, size - 1) };
  return range.first <= range.last ? range : undefined;
}

/**
 * Settles the Range of a /pagefind/ request before sirv sees it; true when it answered. sirv throws on
 * a reversed range, leaving the request to hang, and misreads others (`bytes=-5` as the first six
 * bytes). One range that can be served goes on as `bytes=<first>-<last>`, the form sirv reads right;
 * any other `bytes` range is answered 416 (several ranges too: they would need a multipart answer);
 * another unit is ignored, as RFC 9110 asks.
 */
function settleRange(req, res, pathname) {
  const header = req.headers.range;
  if (header === undefined) return false;
  delete req.headers.range;
  if (!/^bytes=/i.test(header)) return false;
  let size;
  try {
    // The path passed screen(): each segment decodes, and none is `..` or holds a slash.
    const stats = statSync(path.join(publicDir, ...pathname.split('/').map(decodeURIComponent)));
    if (!stats.isFile()) return false;
    size = stats.size;
  } catch {
    return false;
  }
  const range = byteRange(header, size);
  if (!range) {
    answer(res, 416, { 'Content-Range': `bytes */${size}` });
    return true;
  }
  // sirv reads a last byte of 0 as "to the end": `bytes=0-0` gets the whole file, 200, as RFC 9110 allows.
  if (range.last > 0) req.headers.range = `bytes=${range.first}-${range.last}`;
  return false;
}

function dispatch(req, res) {
  if (req.url.startsWith('/pagefind/')) return searchIndex(req, res, () => handle(req, res));
  plainPages(res);
  return handle(req, res);
}

/**
 * A request handler that cannot leave a request hanging: what it throws or rejects with is logged
 * once and answered 500, or the connection is closed if the answer had begun.
 */
function guarded(handler) {
  return (req, res) => {
    new Promise((resolve) => resolve(handler(req, res))).catch((error) => {
      console.error(`request failed: ${req.method} ${String(req.url).slice(0, 200)}:`, error);
      if (res.headersSent) return res.destroy();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      answer(res, 500);
    });
  };
}

await app.prepare();
const server = createServer(
  guarded((req, res) => {
    if (screen(req, res)) return;
    if (req.url.startsWith('/pagefind/') && settleRange(req, res, req.url.replace(/[?#].*/s, ''))) return;
    // A range is sent as the bytes it names: compressing it would change what they are.
    const compressing = req.headers.range === undefined ? compress : (_req, _res, next) => next();
    return new Promise((resolve) => compressing(req, res, () => resolve(dispatch(req, res))));
  }),
);
// Nothing here is a proxy. Node would close a CONNECT's socket without a word.
server.on('connect', (_req, socket) => {
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${READ_METHODS.join(', ')}\r\nContent-Length: 0\r\n\r\n`);
});
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
  console.log(`Ready on http://${shown}:${port} (content looked at every ${revalidateSeconds} s)`);
  setInterval(refreshContent, revalidateSeconds * 1000).unref();
});

// The app can only revalidate its pages while it handles a request, so the server asks it over loopback.
async function refreshContent() {
  const address = server.address();
  const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
  try {
    const response = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api/content`, {
      method: 'POST',
      headers: { 'x-inkwell-refresh': process.env.INKWELL_REFRESH_TOKEN },
    });
    const result = await response.json();
    if (result.changed) console.log(`content: changed, pages revalidated (${result.articles} articles)`);
  } catch (error) {
    console.error(`content: could not look at the content folder: ${error.message}`);
  }
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
