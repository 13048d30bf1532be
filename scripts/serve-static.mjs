// A plain static file server for the export in out/: files only, no rewrites, as a CDN would serve them.
// Usage: node scripts/serve-static.mjs [dir] [port]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

const dir = process.argv[2] ?? 'out';
const port = Number(process.argv[3] ?? process.env.PORT ?? 3000);
const files = sirv(dir, { dev: false, etag: true });

createServer((req, res) => {
  files(req, res, () => {
    // A directory asked for without its slash gets one, as nginx and most static hosts do.
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
      res.writeHead(308, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let page = 'Not found';
    try {
      page = readFileSync(path.join(dir, '404.html'), 'utf8');
    } catch {}
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dir} on http://127.0.0.1:${port}`));
