// @ts-check
// A plain static file server for the export in out/: files only, no rewrites, as a CDN would serve them.
// Usage: node scripts/serve-static.mjs [dir] [port] [--gzip]   (--gzip compresses text as CDNs do)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { readSettings } from '../lib/settings.mjs';

const dir = process.argv[2] ?? 'out';
const port = process.argv[3] === undefined ? readSettings().port : Number(process.argv[3]);
// Headers for every path from the export's `_headers` file (the `/*` block), as Netlify would send them.
const headers = (() => {
  try {
    return [...readFileSync(path.join(dir, '_headers'), 'utf8').matchAll(/^\s+([\w-]+):\s*(.+)$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
  } catch {
    return [];
  }
})();
const files = sirv(dir, {
  dev: false,
  etag: true,
  setHeaders: (res) => {
    for (const [key, value] of headers) res.setHeader(key, value);
  },
});
/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} Middleware */
// compression's types say Express, but it needs only Node's request and response.
const compress = process.argv.includes('--gzip')
  ? /** @type {Middleware} */ (compression())
  : /** @type {Middleware} */ ((_req, _res, next) => next());

createServer((req, res) => {
  compress(req, res, () => serve(req, res));
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dir} on http://127.0.0.1:${port}`));

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function serve(req, res) {
  files(req, res, () => {
    // A directory asked for without its slash gets one, as nginx and most static hosts do.
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
      res.writeHead(308, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    for (const [key, value] of headers) res.setHeader(key, value);
    let page = 'Not found';
    try {
      page = readFileSync(path.join(dir, '404.html'), 'utf8');
    } catch {}
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
}
