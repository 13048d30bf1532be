// What tells one Node host that another revalidated the shared cache: a real redis-server, and the
// Redis handler cache-handler.mjs uses, revalidating as Next has it do when the content changes.
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYTHING_TAG } from '@/lib/server/next-internals.mjs';
import { sharedKeyPrefix, watchSharedChanges } from '@/lib/server/shared-changes.mjs';
import { type Redis, startRedis } from '../e2e/harness.mjs';

const PORT = 4390;
let redis: Redis;
beforeAll(async () => {
  redis = await startRedis(PORT);
});
afterAll(() => redis?.stop());

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An instance's side of the shared cache of build `buildId`, as cache-handler.mjs makes it. */
async function instance(buildId: string) {
  const client = createClient({ url: redis.url });
  await client.connect();
  const handler = createRedisHandler({ client, keyPrefix: sharedKeyPrefix(buildId), timeoutMs: 1000 });
  return { revalidate: (tag: string) => handler.revalidateTag(tag), close: () => client.close() };
}

describe('changes in the shared cache', () => {
  it('are seen by every instance of the build within a second or two, and only by them', async () => {
    const seen = { mine: 0, other: 0 };
    const mine = watchSharedChanges({
      url: redis.url,
      buildId: 'b1',
      tags: [EVERYTHING_TAG],
      onMove: () => seen.mine++,
      everyMs: 100,
    });
    const other = watchSharedChanges({
      url: redis.url,
      buildId: 'b2',
      tags: [EVERYTHING_TAG],
      onMove: () => seen.other++,
      everyMs: 100,
    });
    const writer = await instance('b1');
    try {
      await settle(400);
      expect(seen).toEqual({ mine: 0, other: 0 });
      await writer.revalidate(EVERYTHING_TAG);
      await settle(400);
      expect(seen).toEqual({ mine: 1, other: 0 });
      // A tag of one page, not every page, is no change of the content.
      await writer.revalidate('_N_T_/articles/one');
      await settle(400);
      expect(seen).toEqual({ mine: 1, other: 0 });
      await settle(20);
      await writer.revalidate(EVERYTHING_TAG);
      await settle(400);
      expect(seen).toEqual({ mine: 2, other: 0 });
    } finally {
      await writer.close();
      await mine.close();
      await other.close();
    }
  });

  it('counts a change made while Redis was away once it is back', async () => {
    let seen = 0;
    const watch = watchSharedChanges({
      url: redis.url,
      buildId: 'b3',
      tags: [EVERYTHING_TAG],
      onMove: () => seen++,
      everyMs: 100,
    });
    try {
      await settle(400);
      redis.stop();
      await settle(300);
      redis = await startRedis(PORT);
      const writer = await instance('b3');
      await writer.revalidate(EVERYTHING_TAG);
      await writer.close();
      for (let i = 0; i < 50 && seen === 0; i++) await settle(100);
      expect(seen).toBe(1);
    } finally {
      await watch.close();
    }
  });
});
