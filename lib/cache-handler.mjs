// The shared page cache of several `npm start` instances, used when REDIS_URL is set (next.config.js):
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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient } from 'redis';

const shared = globalThis;

/** Every page and route handler carries this tag: revalidating it makes everything stale. */
const EVERYTHING = '_N_T_/layout';

function buildId() {
  try {
    return readFileSync(path.join(import.meta.dirname, '..', '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

function connect() {
  const client = createClient({
    url: process.env.REDIS_URL,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 100, 2000) },
  });
  const redis = createRedisHandler({ client, keyPrefix: `inkwell:${buildId()}:`, timeoutMs: 1000 });
  let down = false;
  client.on('error', (error) => {
    if (down) return;
    down = true;
    console.error(`cache: Redis at ${process.env.REDIS_URL} is unreachable (${error.message}); serving without it`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.log('cache: Redis is back; pages cached before the outage are revalidated');
    redis.revalidateTag(EVERYTHING).catch(() => {});
  });
  client.connect().catch(() => {});
  return redis;
}

CacheHandler.onCreation(() => {
  // A build writes no shared cache: the pages it prerenders reach Redis from their files, made plain
  // by postbuild, when an instance starts (instrumentation.ts).
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [createLruHandler()] };
  shared.__inkwellRedis ??= connect();
  return { handlers: [shared.__inkwellRedis, createLruHandler({ maxItemsNumber: 2000 })] };
});

export default CacheHandler;
