// @ts-check
// Instances that share Redis share Next's cache, and the one that sees the content change marks every
// page stale there: the Redis handler of cache-handler.mjs records the time the layout tag was
// revalidated. Another instance's page cache (page-cache.mjs) sits in front of Next and would go on
// serving what it kept until it looks at its own folder, up to REVALIDATE_SECONDS later, or later still
// when its folder is a copy that lags. So each instance asks Redis for that time every second, one
// HMGET, and drops the pages it kept when the time moves.
import { createClient } from 'redis';

/** Where the Redis handler keeps each tag's revalidation time (REVALIDATED_TAGS_KEY of the pinned library). */
const REVALIDATED_TAGS = '__revalidated_tags__';

/** Every key of one build's shared cache starts with this; a new build starts with a cache of its own. */
export const sharedKeyPrefix = (/** @type {string} */ buildId) => `inkwell:${buildId}:`;

/**
 * Calls `onMove` whenever another instance (or this one) revalidates one of `tags` in the shared cache
 * of build `buildId`. Redis being away is no error here: cache-handler.mjs logs it; the times are read
 * again when it is back, and a time that moved meanwhile counts as moved.
 * @param {{ url: string, buildId: string, tags: string[], onMove: () => void, everyMs?: number }} options
 * @returns {{ close: () => Promise<void> }}
 */
export function watchSharedChanges({ url, buildId, tags, onMove, everyMs = 1000 }) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 100, 2000) },
  });
  client.on('error', () => {});
  client.connect().catch(() => {});
  const key = `${sharedKeyPrefix(buildId)}${REVALIDATED_TAGS}`;
  /** @type {string | undefined} */
  let last;
  let asking = false;
  const ask = async () => {
    if (asking || !client.isReady) return;
    asking = true;
    try {
      const times = JSON.stringify(await client.hmGet(key, tags));
      if (last !== undefined && times !== last) onMove();
      last = times;
    } catch {
      // Asked again in a second.
    } finally {
      asking = false;
    }
  };
  const timer = setInterval(ask, everyMs);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await client.close().catch(() => {});
    },
  };
}
