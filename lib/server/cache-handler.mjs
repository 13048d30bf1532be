// The page cache of `npm start` (next.config.js). Either way it keeps no page for a URL that names
// nothing (a 404): otherwise anyone could fill it, and the disk, by asking for made-up URLs. Such a
// page is cheap to render again when asked.
//
// Without REDIS_URL it is Next's own cache on local disk (FileSystemCache, with its memory LRU of
// cacheMaxMemorySize), which on its own writes every 404 it renders to .next/server/route-cache/.
//
// With REDIS_URL it is the shared page cache of several `npm start` instances:
// @fortedigital/nextjs-cache-handler's Redis handler, pinned at 3.3.0, the line that supports Next 16
// (see docs/deploy.md for why this library). Every instance reads and writes one Redis, under a
// prefix of the build ID, so a page one instance renders is a hit on the others and a new build starts
// with a cache of its own.
//
// Redis going away never takes the site down: with the client's offline queue off, a command fails at
// once, the library falls through to a small in-memory cache of this instance's own pages, and pages
// it lacks are rendered. The outage and the return are logged once each. On its return, every entry
// made before it is treated as stale, since content changes revalidated while Redis was away never
// reached it.
// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient } from 'redis';
import { readSettings } from '../settings.mjs';
import { cacheEntry, EVERYTHING_TAG, NextInternalsError, nextCacheModules, routeCacheKey } from './next-internals.mjs';
import { sharedKeyPrefix } from './shared-changes.mjs';

const shared = /** @type {typeof globalThis & { __inkwellRedis?: any }} */ (globalThis);
const { FileSystemCache, lifetimes } = await nextCacheModules();
const { redisUrl, nextPhase } = readSettings();

/**
 * What an entry is; whether it is refused, as a page for a URL that names nothing. Next records each
 * entry's lifetime in a map of its own before it hands the entry to the handler: a refused entry's is
 * taken out again, or that map would grow by one key per made-up URL. An entry this module does not
 * know stops the server: Next caches pages differently now, and a cache this module misreads would
 * serve wrong pages.
 * @param {string} key
 * @param {unknown} value
 */
function screened(key, value) {
  try {
    const entry = cacheEntry(value);
    if (entry.notFound) lifetimes.delete(key);
    return entry;
  } catch (error) {
    if (!(error instanceof NextInternalsError)) throw error;
    console.error(`cache: ${error.message}`);
    process.exit(70);
  }
}

/** @param {string} serverDistDir */
function connect(serverDistDir) {
  const buildId = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  const client = createClient({
    url: redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 100, 2000) },
  });
  const redis = createRedisHandler({ client, keyPrefix: sharedKeyPrefix(buildId), timeoutMs: 1000 });
  let down = false;
  client.on('error', (error) => {
    if (down) return;
    down = true;
    console.error(`cache: Redis at ${redisUrl} is unreachable (${error.message}); serving without it`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.log('cache: Redis is back; pages cached before the outage are revalidated');
    redis.revalidateTag(EVERYTHING_TAG).catch(() => {});
  });
  client.connect().catch(() => {});
  return redis;
}

CacheHandler.onCreation(({ serverDistDir }) => {
  // A build writes no shared cache: the pages it prerenders reach Redis from their files, made plain
  // by postbuild, when an instance starts (instrumentation.ts).
  if (nextPhase === PHASE_PRODUCTION_BUILD) return { handlers: [createLruHandler()] };
  shared.__inkwellRedis ??= connect(serverDistDir);
  return { handlers: [shared.__inkwellRedis, createLruHandler({ maxItemsNumber: 2000 })] };
});

/**
 * The library as this site uses it. Two gaps between it and Next 16.4 are closed here:
 * - It files a page under the tags Next lists in its `x-next-cache-tags` header, but a route handler
 *   (feeds, sitemaps) only under those Next hands to `set`, which leave out the layout tags: a
 *   revalidated path would never reach a feed. Route handlers get their header's tags here too.
 * - It keeps an entry's lifetime but does not hand it back, and Next gives a page it did not render
 *   itself one second: another instance would serve a page made by this one as stale and render it
 *   again. The stored lifetime is handed back as Next's `cacheControl`.
 */
class SharedCache extends CacheHandler {
  /** @type {CacheHandler['get']} */
  async get(key, context) {
    const entry = await super.get(key, context);
    if (entry?.lifespan && !entry.cacheControl) {
      const { revalidate, expireAge } = entry.lifespan;
      // The library types the stored lifetime loosely; it is the one Next gave `set`.
      entry.cacheControl = /** @type {any} */ ({ revalidate, expire: revalidate === false ? undefined : expireAge });
    }
    return entry;
  }

  /** @type {CacheHandler['set']} */
  set(key, value, context) {
    const { notFound, headerTags } = screened(key, value);
    if (notFound) return Promise.resolve();
    if (headerTags.length === 0) return super.set(key, value, context);
    const tags = [...new Set([...(context?.tags ?? []), ...headerTags])];
    return super.set(key, value, { ...context, tags });
  }
}

/** Next's cache on local disk, less the 404s. */
class LocalCache extends FileSystemCache {
  /** @param {string} key @param {unknown} value @param {unknown} context */
  set(key, value, context) {
    if (screened(key, value).notFound) return Promise.resolve();
    return super.set(key, value, context);
  }
}

export default redisUrl ? SharedCache : LocalCache;

/**
 * Puts the pages the build prerendered in the shared cache, unless another instance already did (a
 * page rendered since is newer). The library's registerInitialCache reads them, but stores each
 * under its path, where Next 16.4 looks it up under a key scoped by route (`/route-cache/…`): the
 * key Next wrote next to each page, in its `.meta` file, is the one used here.
 */
export async function seedFromBuild() {
  const { registerInitialCache } = await import('@fortedigital/nextjs-cache-handler/instrumentation');
  const app = path.join(process.cwd(), '.next', 'server', 'app');
  class RouteKeyed extends SharedCache {
    /** @type {CacheHandler['set']} */
    set(key, value, context) {
      return super.set(routeCacheKey(app, key), value, context);
    }
  }
  await registerInitialCache(RouteKeyed, { setOnlyIfNotExists: true, fetch: false });
}
