// @ts-check
// `npm start`: the Node host. Next's own production server and cache (shared through Redis when
// REDIS_URL is set, see cache-handler.mjs), with what `next start` alone cannot do for this site:
// 1. Every HTML page leaves plain (plain-pages.mjs), as postbuild leaves prerendered ones.
// 2. Every REVALIDATE_SECONDS it has the app look at CONTENT_DIR (app/api/content); when a file
//    changed, the cached pages are marked stale and made again on their next request.
// 3. /pagefind/ is served from the folder as it is now, so `npm run search:index` needs no restart.
// 4. Cached pages tell shared caches (a CDN) to keep them REVALIDATE_SECONDS, then revalidate.
// 5. Requests are screened before Next sees them (requests.mjs).
// 6. An article's old paths (`aliases`) answer 308 to it (aliases.mjs).
// 7. A page Next served from its cache is kept as it left, and sent again from memory until the content
//    changes (page-cache.mjs), here or, with REDIS_URL, on another instance (shared-changes.mjs).
// 8. Once the content is read, the heap grows at most 1.5× past what is live (heap.mjs).
// 9. /healthz answers 200 once the server has served its home page and rendered a page the way
//    next-internals.mjs knows, for a load balancer to poll.
// Usage: npm start [-- -p 3000] [-H 127.0.0.1]   (PORT and HOSTNAME work too)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import compression from 'compression';
import next from 'next';
import sirv from 'sirv';
import { declareNodeHost, readSettings, SettingsError } from '../settings.mjs';
import { AliasTable } from './aliases.mjs';
import { boundHeapGrowth } from './heap.mjs';
import { EVERYTHING_TAG, withoutUpgrades } from './next-internals.mjs';
import { PageCache } from './page-cache.mjs';
import { plainPages } from './plain-pages.mjs';
import { answer, guarded, READ_METHODS, REFRESH_PATH, screen, settleRange } from './requests.mjs';
import { overHttps, securityHeaders } from './security-headers.mjs';
import { watchSharedChanges } from './shared-changes.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

const root = fileURLToPath(new URL('../..', import.meta.url));
process.chdir(root);

/**
 * @param {string} message
 * @returns {never}
 */
function stop(message) {
  console.error(message);
  process.exit(1);
}

let settings;
try {
  settings = readSettings();
} catch (error) {
  stop(error instanceof SettingsError ? error.message : String(error));
}
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = values.port === undefined ? settings.port : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) stop(`-p must be a port number, not "${values.port}"`);
const hostname = values.hostname ?? settings.hostname;
const { revalidateSeconds } = settings;

const refreshToken = randomBytes(24).toString('hex');
// Before Next reads next.config.js, which refuses to be served by anything else.
declareNodeHost(refreshToken);

const app = next({ dev: false, dir: root, hostname, port, ...withoutUpgrades() });
const handle = app.getRequestHandler();
/** @type {(req: Request, res: Response, next: () => void) => void} */
const compress = /** @type {any} */ (compression());
const publicDir = path.join(root, 'public');
const searchIndex = sirv(publicDir, {
  dev: true,
  setHeaders: (res) => {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
  },
});
const sharedCacheControl = `public, max-age=0, s-maxage=${revalidateSeconds}, stale-while-revalidate=86400`;
/** Plain pages kept in memory: the newest few thousand at a typical 15 KB, in their encodings. */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
const pageCache = new PageCache({
  maxBytes: PAGE_CACHE_BYTES,
  ttlMs: revalidateSeconds * 1000,
  variant: (req) => (overHttps(req.headers) ? 'https' : ''),
});
if (settings.redisUrl) {
  const buildId = readFileSync(path.join(root, '.next', 'BUILD_ID'), 'utf8').trim();
  watchSharedChanges({ url: settings.redisUrl, buildId, tags: [EVERYTHING_TAG], onMove: () => pageCache.clear() });
}
/**
 * How long after a change the pages are revalidated once more: a render that began before the change and
 * ended after it was kept by Next as fresh (its time is the time it was stored), old content and all.
 */
const SETTLE_MS = 5000;
let healthy = false;
const aliases = new AliasTable();
/** Longer than any first render, even of a home page over a large folder read for the first time. */
const PROBE_TIMEOUT_MS = 120_000;

/** Next renders pages in a way this site does not know: every page from now on would be half-made. */
function internalsChanged(/** @type {Error} */ error) {
  console.error(`server: ${error.message}`);
  process.exitCode = 70;
  server.close();
  // The answer to this request gets a moment to leave; then the process ends, whatever is still open.
  setTimeout(() => process.exit(70), 100).unref();
}

/** @param {Request} req @param {Response} res */
function dispatch(req, res) {
  const url = req.url ?? '/';
  if (url === '/healthz') {
    return answer(res, healthy ? 200 : 503, { 'Cache-Control': 'no-store' }, healthy ? 'ok\n' : 'starting\n');
  }
  if (url.startsWith('/pagefind/')) return searchIndex(req, res, () => handle(req, res));
  // The start-up probe's page is rendered for it, so it must have all Next puts in a page.
  const fresh = req.headers['x-inkwell-probe'] === refreshToken;
  const ticket = fresh ? undefined : pageCache.ticket(req);
  const onPlain = ticket && ((/** @type {Buffer} */ html) => pageCache.keep(ticket, res, html));
  plainPages(res, sharedCacheControl, internalsChanged, { fresh, onPlain });
  return handle(req, res);
}

await app.prepare();
const server = createServer(
  guarded((req, res) => {
    if (screen(req, res)) return;
    const url = req.url ?? '/';
    const moved = aliases.redirect(url);
    if (moved !== undefined) {
      res.statusCode = 308;
      res.setHeader('Location', moved);
      for (const { key, value } of securityHeaders) res.setHeader(key, value);
      return res.end();
    }
    if (pageCache.serve(req, res)) return;
    if (url.startsWith('/pagefind/') && settleRange(req, res, publicDir, url.replace(/[?#].*/s, ''))) return;
    // A range is sent as the bytes it names: compressing it would change what they are.
    if (req.headers.range !== undefined) return dispatch(req, res);
    return new Promise((resolve) => compress(req, res, () => resolve(dispatch(req, res))));
  }),
);
// Nothing here is a proxy. Node would close a CONNECT's socket without a word.
server.on('connect', (_req, socket) => {
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${READ_METHODS.join(', ')}\r\nContent-Length: 0\r\n\r\n`);
});
server.listen(port, hostname, async () => {
  // Ready once the content is loaded (the home page answers) and a page rendered now, a 404 for a
  // made-up path (never cached), is one next-internals.mjs knows how to make plain.
  // The random path falls to app/[kind], which renders it on demand (a 404 is never cached).
  const probe = async (/** @type {string} */ pathname, /** @type {number} */ status, fresh = false) => {
    const headers = fresh ? { 'x-inkwell-probe': refreshToken } : undefined;
    const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
    const response = await fetch(new URL(pathname, ownOrigin()), { headers, signal });
    if (response.status !== status) stop(`server: ${pathname} answers ${response.status}, not ${status}`);
  };
  try {
    await probe('/', 200);
    await probe(`/${randomBytes(8).toString('hex')}`, 404, true);
  } catch (error) {
    stop(`server: could not serve its first pages (${/** @type {Error} */ (error).message})`);
  }
  await refreshContent(true);
  // Once the content is read: reading it, the heap grows from nothing, faster with V8's own factor.
  boundHeapGrowth();
  healthy = true;
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`Ready on http://${shown}:${address.port} (content looked at every ${revalidateSeconds} s)`);
  setInterval(() => refreshContent(), revalidateSeconds * 1000).unref();
});

/** This server's own address, on loopback when it listens on every interface. */
function ownOrigin() {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * The app can only revalidate its pages while it handles a request, so the server asks it over
 * loopback. The app answers with the alias table when content changed, or when asked (at start).
 * `settling`: the pages are revalidated whether or not the content changed (SETTLE_MS after a change).
 */
async function refreshContent(withAliases = false, settling = false) {
  try {
    const response = await fetch(new URL(REFRESH_PATH, ownOrigin()), {
      method: 'POST',
      headers: {
        'x-inkwell-refresh': refreshToken,
        ...(withAliases ? { 'x-inkwell-aliases': '1' } : {}),
        ...(settling ? { 'x-inkwell-revalidate': '1' } : {}),
      },
    });
    const result = await response.json();
    if (result.aliases) aliases.replace(result.aliases);
    if (result.changed || settling) pageCache.clear();
    if (result.changed) {
      console.log(`content: changed, pages revalidated (${result.articles} articles)`);
      setTimeout(() => refreshContent(false, true), SETTLE_MS).unref();
    }
  } catch (error) {
    console.error(`content: could not look at the content folder: ${/** @type {Error} */ (error).message}`);
  }
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
