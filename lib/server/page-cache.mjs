// @ts-check
// The pages Next serves from its cache, kept as they leave this server (plain, with their headers and
// compressed once per encoding) and sent again from memory, without Next, plainPage or a compressor on
// the way. A page is kept only when Next said it came from its cache (`x-nextjs-cache: HIT`), so
// nothing is kept that Next itself would not serve again. Everything kept is dropped when the content
// changes (clear()), and each entry after `ttlMs` anyway; a response begun before a clear is not kept.
// The entries are bounded by bytes, the least recently served going first. Only a URL in its one
// canonical spelling is kept (no query, no needless escape), so that a reader cannot push the real
// pages out with spellings of one page that Next serves from one cache entry.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {'br' | 'gzip' | 'identity'} Encoding */
/**
 * @typedef {object} Entry
 * @property {string[]} headers as Next and this server set them, less the per-response ones: names and
 *   values in one list, as writeHead takes them (so a response allocates no header object)
 * @property {string | undefined} etag
 * @property {Buffer} plain the page
 * @property {Map<Encoding, { body: Buffer, head: string[] }>} variants each encoding asked for so far, with its headers
 * @property {number} bytes
 * @property {number} expires
 */

/** Request headers that ask Next for something other than the page (its RSC payload, a draft, a range). */
const NOT_THE_PAGE = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'x-prerender-revalidate',
  'range',
];
/** Cookies with which Next renders a page afresh instead of serving it from its cache. */
const BYPASS_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;
/** Set again for every response. */
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
]);
/** As the `compression` middleware does for every other response: below this, a page leaves as it is. */
const COMPRESS_FROM = 1024;
const ENCODINGS = ['br', 'gzip', 'identity'];
const PREFERRED = ['br', 'gzip'];
/** Distinct Accept-Encoding values whose choice is remembered: browsers send a handful. */
const CHOICES = 64;

/** @param {Encoding} encoding @param {Buffer} plain */
function encode(encoding, plain) {
  if (encoding === 'gzip') return gzipSync(plain);
  // The quality `compression` uses: a page is compressed once here, but on the request that asks first.
  return brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
}

/**
 * A buffer of its own, exactly as long as its bytes: zlib and Buffer.from hand back views into larger
 * allocations, which the byte bound would undercount (a 4 KiB page compressed held 16 KiB).
 * @param {Buffer} bytes
 */
function own(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/**
 * Whether a request target is the one spelling of its page this cache keeps: a path with no query, no
 * empty or dot segment, and escapes only where encodeURI would put them (`/a` for `/%61`, `%C3%A9` for
 * `%c3%a9`). Next answers the other spellings from the same entry; they go to Next.
 * @param {string} url
 */
export function canonicalTarget(url) {
  if (!url.startsWith('/') || /[?#]|\/\/|\/\.\.?(?:\/|$)/.test(url)) return false;
  try {
    return encodeURI(url.includes('%') ? decodeURI(url) : url) === url;
  } catch {
    return false;
  }
}

/** @param {string} header @param {string} etag */
function matches(header, etag) {
  const weak = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => weak(tag) === weak(etag));
}

export class PageCache {
  /** @type {Map<string, Entry>} in the order they were last served, oldest first */
  #entries = new Map();
  /** @type {Map<string, Encoding>} */
  #choices = new Map();
  #bytes = 0;
  #generation = 0;
  #maxBytes;
  #ttlMs;
  #now;
  #variant;

  /**
   * @param {{ maxBytes: number, ttlMs: number, variant?: (req: Request) => string, now?: () => number }} options
   *   `variant`: what else than its URL a page's response depends on (the `has` conditions of
   *   next.config.js headers()), as one of a few short strings; a page is kept apart for each
   */
  constructor({ maxBytes, ttlMs, variant = () => '', now = Date.now }) {
    this.#maxBytes = maxBytes;
    this.#ttlMs = ttlMs;
    this.#variant = variant;
    this.#now = now;
  }

  /** @param {Request} req */
  #key(req) {
    return `${this.#variant(req)}\u0000${req.url ?? ''}`;
  }

  /** Bytes held, every encoding counted. */
  get bytes() {
    return this.#bytes;
  }

  get size() {
    return this.#entries.size;
  }

  /** Drops every page: the content changed. A response begun before this is not kept. */
  clear() {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  /**
   * Whether this request asks for the page itself, the same for every reader: a GET or HEAD with no
   * header that makes Next answer otherwise.
   * @param {Request} req
   */
  static #plainRequest(req) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    for (const name of NOT_THE_PAGE) if (req.headers[name] !== undefined) return false;
    return !BYPASS_COOKIE.test(req.headers.cookie ?? '');
  }

  /**
   * Answers the request from memory; true when it did.
   * @param {Request} req
   * @param {Response} res
   */
  serve(req, res) {
    const key = this.#key(req);
    const entry = this.#entries.get(key);
    if (!entry || !PageCache.#plainRequest(req)) return false;
    if (entry.expires <= this.#now()) {
      this.#drop(key, entry);
      return false;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    const condition = req.headers['if-none-match'];
    if (entry.etag !== undefined && condition !== undefined && matches(condition, entry.etag)) {
      res.writeHead(304, entry.headers);
      res.end();
      return true;
    }
    const encoding =
      entry.plain.length < COMPRESS_FROM ? 'identity' : this.#encodingFor(req.headers['accept-encoding']);
    let variant = entry.variants.get(encoding);
    if (!variant) {
      const body = encoding === 'identity' ? entry.plain : own(encode(encoding, entry.plain));
      const coded = encoding === 'identity' ? [] : ['content-encoding', encoding];
      variant = { body, head: [...entry.headers, ...coded, 'content-length', String(body.length)] };
      entry.variants.set(encoding, variant);
      if (encoding !== 'identity') this.#grow(entry, body.length);
    }
    res.writeHead(200, variant.head);
    res.end(req.method === 'HEAD' ? undefined : variant.body);
    return true;
  }

  /**
   * A ticket to keep this request's response once it is made, or undefined when it may not be kept.
   * @param {Request} req
   */
  ticket(req) {
    return req.method === 'GET' && PageCache.#plainRequest(req) && canonicalTarget(req.url ?? '')
      ? { key: this.#key(req), generation: this.#generation }
      : undefined;
  }

  /**
   * Keeps a response as it leaves: a 200 Next served from its cache, with no cookie, made since the
   * last clear.
   * @param {{ key: string, generation: number }} ticket
   * @param {Response} res its status and headers final
   * @param {Buffer} body the whole body, as sent without compression
   */
  keep(ticket, res, body) {
    if (ticket.generation !== this.#generation || res.statusCode !== 200) return;
    if (res.getHeader('x-nextjs-cache') !== 'HIT' || res.getHeader('set-cookie') !== undefined) return;
    if (body.length === 0 || body.length > this.#maxBytes / 16) return;
    /** @type {string[]} */
    const headers = [];
    const vary = String(res.getHeader('vary') ?? '');
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || PER_RESPONSE.has(name) || name === 'vary') continue;
      for (const one of Array.isArray(value) ? value : [String(value)]) headers.push(name, one);
    }
    headers.push(
      'vary',
      /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding',
    );
    const etag = res.getHeader('etag');
    const old = this.#entries.get(ticket.key);
    if (old) this.#drop(ticket.key, old);
    /** @type {Entry} */
    const entry = {
      headers,
      etag: typeof etag === 'string' ? etag : undefined,
      plain: own(body),
      variants: new Map(),
      bytes: 0,
      expires: this.#now() + this.#ttlMs,
    };
    this.#entries.set(ticket.key, entry);
    const headerBytes = headers.reduce((sum, text) => sum + text.length, 0);
    this.#grow(entry, body.length + ticket.key.length + headerBytes);
  }

  /** @param {Entry} entry @param {number} bytes */
  #grow(entry, bytes) {
    entry.bytes += bytes;
    this.#bytes += bytes;
    for (const [key, oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(key, oldest);
    }
  }

  /** @param {string} key @param {Entry} entry */
  #drop(key, entry) {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** @param {string | undefined} header */
  #encodingFor(header = '') {
    let choice = this.#choices.get(header);
    if (choice === undefined) {
      // Negotiator 0.6.4 takes the preferred order too, which its types do not know.
      const negotiator = /** @type {any} */ (new Negotiator({ headers: { 'accept-encoding': header } }));
      choice = /** @type {Encoding | undefined} */ (negotiator.encoding(ENCODINGS, PREFERRED)) ?? 'identity';
      if (this.#choices.size >= CHOICES) this.#choices.clear();
      this.#choices.set(header, choice);
    }
    return choice;
  }
}
