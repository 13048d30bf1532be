// @ts-check
// Every HTML page the Node host sends leaves as the plain document postbuild makes of prerendered ones
// (plainPage in next-internals.mjs), so a page rendered on demand or regenerated is the same page.
import { NextInternalsError, plainPage } from './next-internals.mjs';
import { securityHeaders } from './security-headers.mjs';

/**
 * Makes `res` buffer an HTML response and send it plain; anything else passes through. Next marks what
 * it serves from its cache `s-maxage=<a year>`: a CDN is told to keep it as long as this server would.
 * A page Next rendered in a way next-internals.mjs does not know is answered 500 and `onInternals` is
 * told (the server stops: every later page would be half-made too).
 * @param {import('node:http').ServerResponse} res
 * @param {string} sharedCacheControl the Cache-Control for pages served from the cache
 * @param {(error: NextInternalsError) => void} onInternals
 * @param {{ fresh?: boolean, onPlain?: (html: Buffer) => void }} [options] `fresh` when the page is known to be
 *   rendered for this response; `onPlain` is handed the page as it leaves, its status and headers final
 */
export function plainPages(res, sharedCacheControl, onInternals, options = {}) {
  const { write, end, writeHead, flushHeaders } = res;
  /** @type {Buffer[] | undefined} */
  let chunks;
  const buffering = () => {
    if (!chunks && String(res.getHeader('content-type')).startsWith('text/html')) chunks = [];
    return chunks !== undefined;
  };
  /** @param {unknown} encoding */
  const encodingOf = (encoding) =>
    /** @type {BufferEncoding | undefined} */ (typeof encoding === 'string' ? encoding : undefined);
  /** @param {unknown} chunk @param {unknown} encoding */
  const bufferOf = (chunk, encoding) =>
    typeof chunk === 'string'
      ? Buffer.from(chunk, encodingOf(encoding))
      : Buffer.from(/** @type {Uint8Array} */ (chunk));
  const shared = () => {
    if (/s-maxage/.test(String(res.getHeader('cache-control') ?? '')))
      res.setHeader('Cache-Control', sharedCacheControl);
  };
  const patched = /** @type {any} */ (res);
  patched.writeHead = function (/** @type {any[]} */ ...args) {
    shared();
    return writeHead.apply(this, /** @type {any} */ (args));
  };
  patched.flushHeaders = function () {
    if (!buffering()) flushHeaders.call(this);
  };
  patched.write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (!buffering()) return write.call(this, chunk, encoding, callback);
    chunks?.push(bufferOf(chunk, encoding));
    (typeof encoding === 'function' ? encoding : callback)?.();
    return true;
  };
  patched.end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (!buffering() || !chunks) return end.call(this, chunk, encoding, callback);
    if (chunk && typeof chunk !== 'function') chunks.push(bufferOf(chunk, encoding));
    const done = [chunk, encoding, callback].find((a) => typeof a === 'function');
    let html;
    try {
      html = Buffer.from(plainPage(Buffer.concat(chunks).toString('utf8'), options));
    } catch (error) {
      if (!(error instanceof NextInternalsError)) throw error;
      onInternals(error);
      if (!this.headersSent) {
        for (const name of this.getHeaderNames()) this.removeHeader(name);
        this.statusCode = 500;
        for (const { key, value } of securityHeaders) this.setHeader(key, value);
        this.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
      return end.call(this, 'Internal Server Error\n', 'utf8', done);
    }
    // A HEAD request has no body here: its length stays the one Next set.
    if (!this.headersSent && chunks.length > 0) {
      this.setHeader('Content-Length', html.length);
      shared();
      options.onPlain?.(html);
    }
    return end.call(this, html, done);
  };
}
