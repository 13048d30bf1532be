// @ts-check
// The Node host's door: requests are untrusted. One that can name nothing here (an odd method, a body
// on a GET, a path that does not decode, `..`, an overlong URL, a Range that cannot be served) is
// answered 4xx before Next sees it; a path spelled other than the way lib/urls.ts spells it is sent to
// that spelling (308); whatever a request makes the handler throw is logged once and answered 500.
import { statSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { securityHeaders } from './security-headers.mjs';
import { canonicalPath } from './segments.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

export const READ_METHODS = ['GET', 'HEAD'];
/** The one POST: the server's own call to app/api/content. */
export const REFRESH_PATH = '/api/content';
/** Longer than any URL the site builds, even of a long slug in a non-Latin script, percent-encoded. */
const MAX_TARGET = 4096;

/**
 * Answers a request here, in plain text, with the headers every page has.
 * @param {Response} res
 * @param {number} status
 * @param {Record<string, string>} [headers]
 * @param {string} [body]
 */
export function answer(res, status, headers = {}, body = `${STATUS_CODES[status]}\n`) {
  res.statusCode = status;
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  for (const [key, value] of Object.entries({ 'Content-Type': 'text/plain; charset=utf-8', ...headers })) {
    res.setHeader(key, value);
  }
  res.end(body);
}

/**
 * Answers, before Next sees it, a request that can name nothing here, or a path spelled other than the
 * way lib/urls.ts spells it; true when it did. Next would throw on a path it cannot decode, and file
 * any other spelling under its decoded path, where a second spelling of a page meets the page.
 * @param {Request} req
 * @param {Response} res
 */
export function screen(req, res) {
  // The absolute form (`GET http://host/path`), which HTTP/1.1 servers must accept, as a plain path.
  const target = (req.url ?? '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';
  const queryAt = target.search(/[?#]/);
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  const method = req.method ?? '';
  if (!READ_METHODS.includes(method) && !(method === 'POST' && pathname === REFRESH_PATH)) {
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
  if (canonical === undefined || (method !== 'POST' && hasBody)) {
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

/**
 * The one range a Range header asks for, or undefined when it asks for none that can be served.
 * @param {string} header
 * @param {number} size
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1], match[2]].map((n) => (n === '' ? undefined : Number(n)));
  if (first !== undefined && last !== undefined && last < first) return undefined;
  const range =
    first === undefined
      ? { first: Math.max(0, size - /** @type {number} */ (last)), last: size - 1 } // `bytes=-n`: the last n bytes
      : { first, last: Math.min(last ?? size - 1, size - 1) };
  return range.first <= range.last ? range : undefined;
}

/**
 * Settles the Range of a request for a file under `folder` before sirv sees it; true when it answered.
 * sirv throws on a reversed range, leaving the request to hang, and misreads others (`bytes=-5` as the
 * first six bytes). One range that can be served goes on as `bytes=<first>-<last>`, the form sirv reads
 * right; any other `bytes` range is answered 416 (several ranges too: they would need a multipart
 * answer); another unit is ignored, as RFC 9110 asks.
 * @param {Request} req
 * @param {Response} res
 * @param {string} folder
 * @param {string} pathname a path that passed screen()
 */
export function settleRange(req, res, folder, pathname) {
  const header = req.headers.range;
  if (header === undefined) return false;
  delete req.headers.range;
  if (!/^bytes=/i.test(header)) return false;
  let size;
  try {
    // The path passed screen(): each segment decodes, and none is `..` or holds a slash.
    const stats = statSync(path.join(folder, ...pathname.split('/').map(decodeURIComponent)));
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

/**
 * A request handler that cannot leave a request hanging: what it throws or rejects with is logged
 * once and answered 500, or the connection is closed if the answer had begun.
 * @param {(req: Request, res: Response) => unknown} handler
 * @returns {(req: Request, res: Response) => void}
 */
export function guarded(handler) {
  return (req, res) => {
    new Promise((resolve) => resolve(handler(req, res))).catch((error) => {
      console.error(`request failed: ${req.method} ${String(req.url).slice(0, 200)}:`, error);
      if (res.headersSent) return res.destroy();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      answer(res, 500);
    });
  };
}
