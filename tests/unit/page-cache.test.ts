import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalTarget, PageCache } from '@/lib/server/page-cache.mjs';
import { overHttps } from '@/lib/server/security-headers.mjs';
import { readSettings } from '@/lib/settings.mjs';

const { fuzzRuns: RUNS, fuzzSeed: SEED } = readSettings();

/** What the stand-in for Next answers: its status, headers and body. */
type Origin = (req: IncomingMessage) => { status?: number; headers?: Record<string, string>; body: string };

const page = (title: string) =>
  `<!DOCTYPE html><html><body><h1>${title}</h1>${'<p>Words of the story.</p>'.repeat(80)}</body></html>`;
const hit = (body: string, headers: Record<string, string> = {}) => ({
  body,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'x-nextjs-cache': 'HIT',
    ETag: '"v1"',
    Vary: 'rsc',
    ...headers,
  },
});

let server: Server | undefined;
afterEach(() => server?.close());

/** A server that answers from the cache, and otherwise asks `origin` and offers its answer to the cache. */
async function serve(cache: PageCache, origin: Origin) {
  const calls: string[] = [];
  server = createServer(async (req, res) => {
    if (cache.serve(req, res)) return;
    calls.push(req.url ?? '');
    const ticket = cache.ticket(req);
    const answer = origin(req);
    await new Promise((resolve) => setImmediate(resolve));
    const body = Buffer.from(answer.body);
    res.statusCode = answer.status ?? 200;
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.setHeader('Content-Length', body.length);
    if (ticket) cache.keep(ticket, res, body);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  /** A request, its body as sent (still compressed). */
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  return { calls, get };
}

const cache = (ttlMs = 60_000, maxBytes = 1 << 20, now?: () => number) => new PageCache({ maxBytes, ttlMs, now });

describe('the page cache of the Node host', () => {
  it('sends a page Next served from its cache again from memory, the same bytes and headers', async () => {
    const { calls, get } = await serve(cache(), () => hit(page('Kept')));
    const first = await get('/articles/kept');
    const second = await get('/articles/kept');
    expect(calls).toEqual(['/articles/kept']);
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe(page('Kept'));
    expect(second.headers['content-length']).toBe(String(second.body.length));
    for (const name of ['content-type', 'etag', 'x-nextjs-cache'])
      expect(second.headers[name]).toBe(first.headers[name]);
    expect(second.headers.vary).toBe('rsc, Accept-Encoding');
  });

  it('keeps nothing Next did not serve from its cache, nothing with a cookie, and no error', async () => {
    const answers: ReturnType<Origin>[] = [
      { ...hit(page('Rendered now')), headers: { 'x-nextjs-cache': 'MISS' } },
      { ...hit(page('Stale')), headers: { 'x-nextjs-cache': 'STALE' } },
      { body: page('No cache header'), headers: { 'Content-Type': 'text/html' } },
      hit(page('With a cookie'), { 'Set-Cookie': 'a=b' }),
      { ...hit('Not found'), status: 404 },
      hit(''),
    ];
    const { calls, get } = await serve(cache(), (req) => answers[Number(req.url?.slice(1))] as ReturnType<Origin>);
    for (let round = 0; round < 2; round++) for (const [i] of answers.entries()) await get(`/${i}`);
    expect(calls).toHaveLength(answers.length * 2);
  });

  it('leaves to Next every request for something other than the page, and keeps nothing from one', async () => {
    const { calls, get } = await serve(cache(), (req) =>
      hit(page(`${req.method} ${Object.keys(req.headers).join(' ')}`)),
    );
    const asides: [Record<string, string>, string?][] = [
      [{ rsc: '1' }],
      [{ 'next-router-prefetch': '1' }],
      [{ 'next-router-state-tree': '%5B%5D' }],
      [{ range: 'bytes=0-10' }],
      [{ cookie: 'theme=dark; __prerender_bypass=secret' }],
      [{ 'x-prerender-revalidate': 'token' }],
      [{}, 'POST'],
    ];
    for (const [headers, method] of asides) await get('/aside', headers, method);
    expect(calls).toHaveLength(asides.length);
    const plain = (await get('/aside')).body.toString();
    for (const [headers, method] of asides) {
      expect((await get('/aside', headers, method)).body.toString()).not.toBe(plain);
    }
    expect(calls).toHaveLength(asides.length * 2 + 1);
    expect((await get('/aside')).body.toString()).toBe(plain);
    expect(calls).toHaveLength(asides.length * 2 + 1);
  });

  it('keeps a page apart over HTTPS, where its headers differ, and no other value of the header makes a key', async () => {
    const pages = new PageCache({
      maxBytes: 1 << 20,
      ttlMs: 60_000,
      variant: (req) => (overHttps(req.headers) ? 'https' : ''),
    });
    const { calls, get } = await serve(pages, (req) =>
      hit(page('Secure or not'), overHttps(req.headers) ? { 'Strict-Transport-Security': 'max-age=1' } : {}),
    );
    for (let round = 0; round < 2; round++) {
      expect((await get('/s')).headers['strict-transport-security']).toBeUndefined();
      expect((await get('/s', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe(
        'max-age=1',
      );
      for (const value of ['http', 'HTTPS', 'https, http', `x${round}`]) {
        expect((await get('/s', { 'x-forwarded-proto': value })).headers['strict-transport-security']).toBeUndefined();
      }
    }
    expect(calls).toHaveLength(2);
    expect(pages.size).toBe(2);
  });

  it('keeps a page only under its canonical URL: a query or another spelling of the path goes to Next', async () => {
    const pages = cache();
    const { calls, get } = await serve(pages, () => hit(page('Spelled')));
    const others = ['/caf%C3%A9?utm=1', '/caf%c3%a9', '/%63af%C3%A9', '//caf%C3%A9', '/./caf%C3%A9', '/x/../caf%C3%A9'];
    for (let round = 0; round < 2; round++) for (const url of ['/caf%C3%A9', ...others]) await get(url);
    expect(calls).toHaveLength(1 + others.length * 2);
    expect(pages.size).toBe(1);
  });

  it('compresses each page once per encoding the reader accepts, as the compression middleware chooses', async () => {
    const { calls, get } = await serve(cache(), (req) => hit(req.url === '/small' ? '<p>tiny</p>' : page('Squeezed')));
    await get('/page');
    const br = await get('/page', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page('Squeezed'));
    const gzip = await get('/page', { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(page('Squeezed'));
    for (const refused of ['br;q=0, gzip;q=0', 'identity', 'zstd', '']) {
      const plain = await get('/page', { 'accept-encoding': refused });
      expect(plain.headers['content-encoding'], refused).toBeUndefined();
      expect(plain.body.toString()).toBe(page('Squeezed'));
    }
    await get('/small');
    const small = await get('/small', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(calls).toEqual(['/page', '/small']);
  });

  it('answers a matching If-None-Match with 304, and a HEAD with the headers alone', async () => {
    const { get } = await serve(cache(), () => hit(page('Validated')));
    await get('/v');
    for (const tag of ['"v1"', 'W/"v1"', '"v0", "v1"', '*'])
      expect((await get('/v', { 'if-none-match': tag })).status, tag).toBe(304);
    const changed = await get('/v', { 'if-none-match': '"v0"' });
    expect(changed.status).toBe(200);
    const head = await get('/v', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(page('Validated'))));
  });

  it('drops every page when the content changes, and keeps no page begun before the change', async () => {
    const pages = cache();
    let title = 'Before';
    const { calls, get } = await serve(pages, (req) => {
      // The change lands while this page is being made: what it began with is out of date.
      if (req.url === '/racing') pages.clear();
      return hit(page(title));
    });
    await get('/one');
    title = 'After';
    pages.clear();
    expect((await get('/one')).body.toString()).toBe(page('After'));
    await get('/racing');
    await get('/racing');
    expect(calls).toEqual(['/one', '/one', '/racing', '/racing']);
  });

  it('asks again once a page is older than its lifetime', async () => {
    let now = 0;
    const { calls, get } = await serve(
      cache(1000, 1 << 20, () => now),
      () => hit(page('Timed')),
    );
    await get('/t');
    now = 999;
    await get('/t');
    now = 1000;
    await get('/t');
    expect(calls).toEqual(['/t', '/t']);
  });

  it('answers any Accept-Encoding with the page itself, in some encoding it names or none', async () => {
    const { get } = await serve(cache(), () => hit(page('Negotiated')));
    await get('/n');
    const token = fc.stringMatching(/^[a-z*]{0,6}(;q=(0|1|0\.\d{1,3}|[a-z]{1,3}))?$/);
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), fc.integer({ min: 0, max: 2000 }), async (tokens, pad) => {
        const header = [...tokens, ' ,'.repeat(pad % 7)].join(', ');
        const { headers, body } = await get('/n', { 'accept-encoding': header });
        const encoding = headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        expect(decoded.toString()).toBe(page('Negotiated'));
        if (encoding !== undefined) expect(header).toMatch(encoding === 'br' ? /br|\*/ : /gzip|\*/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const long = await get('/n', { 'accept-encoding': `${'x, '.repeat(4000)}gzip` });
    expect(gunzipSync(long.body).toString()).toBe(page('Negotiated'));
  });
});

/** The least a response needs for the cache: headers and an end. */
class Response {
  statusCode = 200;
  body: Buffer | undefined;
  #headers = new Map<string, [string, string | string[]]>();
  setHeader(name: string, value: string | number | string[]) {
    this.#headers.set(name.toLowerCase(), [name, typeof value === 'number' ? String(value) : value]);
  }
  getHeader(name: string) {
    return this.#headers.get(name.toLowerCase())?.[1];
  }
  removeHeader(name: string) {
    this.#headers.delete(name.toLowerCase());
  }
  getHeaders() {
    return Object.fromEntries([...this.#headers].map(([key, [, value]]) => [key, value]));
  }
  writeHead(status: number, headers: string[]) {
    this.statusCode = status;
    for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
  }
  end(body?: Buffer) {
    this.body = body;
  }
}
const asRequest = (url: string) => ({ url, method: 'GET', headers: {} }) as IncomingMessage;
const asResponse = (res: Response) => res as unknown as ServerResponse;

describe('the page cache, any order of pages, reads and changes', () => {
  it('never holds more bytes than it may, and only ever answers with the page last kept since the last change', () => {
    const MAX = 64 * 1024;
    const op = fc.oneof(
      fc.record({ keep: fc.integer({ min: 0, max: 9 }), size: fc.integer({ min: 1, max: MAX / 16 }) }),
      fc.record({ read: fc.integer({ min: 0, max: 9 }) }),
      fc.constant({ clear: true as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const pages = new PageCache({ maxBytes: MAX, ttlMs: 60_000 });
        const kept = new Map<string, string>();
        let version = 0;
        for (const step of ops) {
          if ('clear' in step) {
            pages.clear();
            kept.clear();
          } else if ('keep' in step) {
            const url = `/p${step.keep}`;
            const body = `${url}#${version++}:`.padEnd(step.size, '.');
            const res = new Response();
            res.setHeader('x-nextjs-cache', 'HIT');
            res.setHeader('Content-Type', 'text/html');
            pages.keep(
              pages.ticket(asRequest(url)) as { key: string; generation: number },
              asResponse(res),
              Buffer.from(body),
            );
            kept.set(url, body);
          } else {
            const url = `/p${step.read}`;
            const res = new Response();
            if (pages.serve(asRequest(url), asResponse(res))) expect(res.body?.toString()).toBe(kept.get(url));
          }
          expect(pages.bytes).toBeLessThanOrEqual(MAX);
          expect(pages.bytes).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });

  it('holds each page and encoding in a buffer of its own length, so that what it counts is what it holds', () => {
    const pages = new PageCache({ maxBytes: 1 << 20, ttlMs: 60_000 });
    const request = (encoding: string) =>
      ({ url: '/b', method: 'GET', headers: { 'accept-encoding': encoding } }) as unknown as IncomingMessage;
    const res = new Response();
    res.setHeader('x-nextjs-cache', 'HIT');
    // A view into a larger allocation, as Buffer.from of a short string gives.
    const plain = Buffer.from(page('Counted')).subarray(0);
    const pooled = Buffer.concat([Buffer.alloc(9000), plain]).subarray(9000);
    pages.keep(pages.ticket(request('identity')) as { key: string; generation: number }, asResponse(res), pooled);
    for (const encoding of ['identity', 'gzip', 'br']) {
      const served = new Response();
      expect(pages.serve(request(encoding), asResponse(served))).toBe(true);
      const body = served.body as Buffer;
      expect(body.buffer.byteLength).toBe(body.length);
    }
  });

  it('calls a URL canonical only in the one spelling encodeURI gives its path, never with a query', () => {
    const segment = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
      .filter((s) => !s.includes('/') && !/^\.\.?$/.test(s));
    const paths = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(paths, fc.nat(), (path, at) => {
        const url = encodeURI(path);
        expect(canonicalTarget(url)).toBe(!/[?#]/.test(path));
        expect(canonicalTarget(`${url}?q=1`)).toBe(false);
        // Any character escaped that encodeURI leaves as it is is another spelling.
        const plain = [...url].map((c, i) => [c, i] as const).filter(([c]) => /[A-Za-z0-9\-_.!~*'();:@&=+$,]/.test(c));
        if (plain.length > 0) {
          const [c, i] = plain[at % plain.length];
          const escaped = `${url.slice(0, i)}%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}${url.slice(i + 1)}`;
          expect(canonicalTarget(escaped)).toBe(false);
        }
        const lower = url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
        if (lower !== url) expect(canonicalTarget(lower)).toBe(false);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
    for (const url of ['', 'x', '/%', '/%zz', '/%C3', '/a/./b', '/a/..', '/a\\b'])
      expect(canonicalTarget(url), url).toBe(false);
  });

  it('keeps the pages read most recently when it must let some go', () => {
    const pages = new PageCache({ maxBytes: 8000, ttlMs: 60_000 });
    const keep = (url: string) => {
      const res = new Response();
      res.setHeader('x-nextjs-cache', 'HIT');
      pages.keep(
        pages.ticket(asRequest(url)) as { key: string; generation: number },
        asResponse(res),
        Buffer.alloc(480, 'a'),
      );
    };
    const read = (url: string) => pages.serve(asRequest(url), asResponse(new Response()));
    for (let i = 0; i < 10; i++) keep(`/p${i}`);
    expect(read('/p0')).toBe(true);
    for (let i = 10; i < 20; i++) keep(`/p${i}`);
    expect(pages.bytes).toBeLessThanOrEqual(8000);
    expect(read('/p0')).toBe(true);
    expect(read('/p1')).toBe(false);
    expect(read('/p19')).toBe(true);
  });
});
