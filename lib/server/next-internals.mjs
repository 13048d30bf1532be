// @ts-check
// Every place the site depends on how Next.js works inside rather than on its documented interface,
// for the version package.json pins. When Next changes one of these, the build or the server stops
// with a NextInternalsError naming the Next version, instead of shipping a half-made page; the unit
// tests hold pages and cache entries captured from the pinned version (tests/fixtures/next/).
//
// What is read here:
// - the markup of a rendered page: the client runtime's scripts and preloads, the inline React Server
//   Components payload (`self.__next_f`), Turbopack's chunk loader and an empty hidden Suspense div;
// - the page cache: the entry kinds Next hands a cache handler, the tag every page carries, the route
//   key Next writes in each prerendered page's `.meta` file, and its FileSystemCache and lifetime map;
// - that Next's server, given a stand-in `httpServer`, leaves WebSocket upgrades alone.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Next.js version this process runs. */
export const nextVersion = /** @type {{ version: string }} */ (createRequire(import.meta.url)('next/package.json'))
  .version;

export class NextInternalsError extends Error {
  /** @param {string} what what no longer looks the way this module expects */
  constructor(what) {
    super(
      `Next.js ${nextVersion} ${what}. lib/server/next-internals.mjs was written for another version: update it (and tests/fixtures/next/) for this one.`,
    );
    this.name = 'NextInternalsError';
  }
}

// ---------------------------------------------------------------------------------------------------
// Pages. Reading pages have no interactive React component (the theme toggle is a few lines of inline
// script), so Next's client runtime is dead weight: `plainPage` removes it and the inline RSC payload,
// about half of each page's HTML. No App Router option leaves them out.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const RUNTIME_LINK =
  /<link\b[^>]*\brel="(preload|modulepreload)"[^>]*\bas="(script|style)"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;
/** The RSC payload and Turbopack's chunk loader, each an attribute-less inline script. */
const PAYLOAD = /^\(?(self\.__next_f|\(globalThis\["TURBOPACK"\])/;
/** React's bootstrap script, which starts the client runtime. */
const BOOTSTRAP = /\bid="_R_"/;
/** The data of a page Next renders with its Pages Router (its built-in error page). */
const PAGES_DATA = /\bid="__NEXT_DATA__"/;
const EMPTY_SUSPENSE = '<div hidden=""><!--$--><!--/$--></div>';
const RUNTIME_SRC = /\bsrc="\/_next\//;

/**
 * A page Next rendered, as a plain HTML document: no client runtime, no RSC payload. Throws a
 * NextInternalsError when the page has one of the payload and the runtime scripts this module knows
 * but not the other: Next renders pages another way now, and what it left in would still run. A page
 * with neither is one made plain already (the Node host serves prerendered pages postbuild made
 * plain), left as it is; with `fresh`, for a page just rendered, it is refused too. An empty body (a
 * HEAD request) is left alone.
 * @param {string} html
 * @param {{ fresh?: boolean }} [options]
 */
export function plainPage(html, { fresh = false } = {}) {
  if (html === '') return html;
  let payload = false;
  let runtime = false;
  const plain = html
    .replace(SCRIPT, (tag, attributes, body) => {
      if (RUNTIME_SRC.test(attributes)) runtime = true;
      if (RUNTIME_SRC.test(attributes) || BOOTSTRAP.test(attributes)) return '';
      if (PAGES_DATA.test(attributes) || (!attributes.trim() && PAYLOAD.test(body))) {
        payload = true;
        return '';
      }
      return tag;
    })
    .replace(RUNTIME_LINK, '')
    .replace(EMPTY_SUSPENSE, '');
  if (!payload && !runtime && !fresh) return html;
  if (!payload) throw new NextInternalsError('rendered a page without the inline payload (self.__next_f)');
  if (!runtime) throw new NextInternalsError('rendered a page without its runtime scripts under /_next/');
  return plain;
}

// ---------------------------------------------------------------------------------------------------
// The page cache (lib/server/cache-handler.mjs).

/** Every page and route handler carries this tag: revalidating it makes everything stale. */
export const EVERYTHING_TAG = '_N_T_/layout';

/** The kinds of entry Next hands a cache handler (CachedRouteKind). */
const CACHE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES', 'FETCH', 'REDIRECT', 'IMAGE']);

/**
 * What a cache entry is, checked: its kind, its status (a 404 is a page for a URL that names nothing)
 * and, for a route handler, the tags of its `x-next-cache-tags` header.
 * @param {unknown} value the entry Next hands a cache handler's `set`; null deletes
 * @returns {{ kind?: string, notFound: boolean, headerTags: string[] }}
 */
export function cacheEntry(value) {
  if (value === null || value === undefined) return { notFound: false, headerTags: [] };
  const entry = /** @type {{ kind?: unknown, status?: unknown, headers?: Record<string, unknown> }} */ (value);
  if (typeof entry.kind !== 'string' || !CACHE_KINDS.has(entry.kind)) {
    throw new NextInternalsError(`handed the page cache an entry of unknown kind ${JSON.stringify(entry.kind)}`);
  }
  const header = entry.kind === 'APP_ROUTE' ? entry.headers?.['x-next-cache-tags'] : undefined;
  return {
    kind: entry.kind,
    notFound: entry.status === 404,
    headerTags: typeof header === 'string' ? header.split(',') : [],
  };
}

/**
 * The key Next 16 looks a prerendered page up under (`/route-cache/…`), from the `.meta` file it writes
 * next to the page; the page's path when there is no such file (a route handler's output).
 * @param {string} appDir .next/server/app
 * @param {string} key the page's path, as the cache library's registerInitialCache names it
 */
export function routeCacheKey(appDir, key) {
  let text;
  try {
    text = readFileSync(path.join(appDir, `${key}.meta`), 'utf8');
  } catch {
    return key;
  }
  const meta = JSON.parse(text);
  if (typeof meta.routeCache?.key !== 'string') {
    throw new NextInternalsError(`wrote ${key}.meta without a routeCache key`);
  }
  return meta.routeCache.key;
}

/**
 * Next's own cache modules, as Node loads them for Next itself: a bundle (instrumentation.ts) would
 * otherwise carry copies, whose lifetime map would not be the one Next fills.
 * @returns {Promise<{ FileSystemCache: any, lifetimes: Map<string, unknown> }>}
 */
export async function nextCacheModules() {
  /** @param {string} name */
  const load = (name) => import(/*turbopackIgnore: true*/ `next/dist/server/lib/incremental-cache/${name}.js`);
  // Compiled CommonJS: Node hands its exports as `default`, a bundler may unwrap them once more.
  const controls = await load('shared-cache-controls.external');
  const { SharedCacheControls } = controls.SharedCacheControls ? controls : controls.default;
  const fileSystem = await load('file-system-cache');
  const FileSystemCache = fileSystem.default?.default ?? fileSystem.default;
  const lifetimes = SharedCacheControls?.cacheControls;
  if (typeof FileSystemCache !== 'function' || !(lifetimes instanceof Map)) {
    throw new NextInternalsError('has no FileSystemCache or SharedCacheControls where the page cache expects them');
  }
  return { FileSystemCache, lifetimes };
}

// ---------------------------------------------------------------------------------------------------
// The server (lib/server/server.mjs).

/**
 * Options for `next()` that keep it off WebSocket upgrades. Next listens for them on the server it is
 * given, or else on the first request's, and in production closes them unanswered; given a stand-in,
 * it leaves Node to answer an Upgrade request as the plain request it also is.
 * @returns {{ httpServer: any }}
 */
export const withoutUpgrades = () => ({ httpServer: new EventEmitter() });
