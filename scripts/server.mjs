// `npm start`: the Node host. Next's own production server and cache (shared through Redis when
// REDIS_URL is set, see lib/cache-handler.mjs), with what `next start` alone cannot do for this site:
// 1. Every HTML page leaves as the plain document postbuild makes of prerendered ones
//    (scripts/strip-runtime.mjs), so a page rendered on demand or regenerated is the same page.
// 2. Every REVALIDATE_SECONDS (default 60) it has the app look at CONTENT_DIR (app/api/content); when
//    a file changed, the cached pages are marked stale and made again on their next request.
// 3. /pagefind/ is served from the folder as it is now, so `npm run search:index` needs no restart.
// 4. Cached pages tell shared caches (a CDN) to keep them REVALIDATE_SECONDS, then revalidate.
// Usage: npm start [-- -p 3000] [-H 127.0.0.1]   (PORT and HOSTNAME work too)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import compression from 'compression';
import next from 'next';
import sirv from 'sirv';
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

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
const compress = compression();
const { securityHeaders } = createRequire(import.meta.url)('../lib/security-headers.js');
const searchIndex = sirv(path.join(root, 'public'), {
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

await app.prepare();
const server = createServer((req, res) => {
  compress(req, res, () => {
    if (req.url?.startsWith('/pagefind/')) return searchIndex(req, res, () => handle(req, res));
    plainPages(res);
    handle(req, res);
  });
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
