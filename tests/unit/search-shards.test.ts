import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content';
import { planShards, type Shard, shardManifest } from '@/lib/search-shards';

/** What planning reads of an article: its day, and the key the caller gives (here its slug and a version). */
const article = (slug: string, day: string, version = 0) =>
  ({ slug, date: { day, iso: `${day}T00:00:00.000Z` }, version }) as unknown as Article;
const keyOf = (a: Article) => `${a.slug}:${(a as unknown as { version: number }).version}`;

/** Articles newest first, as the index holds them, from day offsets (0 = the oldest day). */
function newestFirst(days: number[]): Article[] {
  const sorted = [...days].sort((a, b) => b - a);
  return sorted.map((d, i) => article(`a${i}-${d}`, new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)));
}

const ids = (shards: Shard[]) => shards.map((s) => s.id);
const days = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 200 });
const size = fc.integer({ min: 1, max: 30 });

describe('planShards', () => {
  it('puts every article in one shard, in order, never splitting a day, each older shard full', () => {
    fc.assert(
      fc.property(days, size, (offsets, n) => {
        const articles = newestFirst(offsets);
        const shards = planShards(articles, keyOf, 'code', n);
        expect(shards.flatMap((s) => s.articles)).toEqual(articles);
        const dayOwner = new Map<string, number>();
        shards.forEach((shard, i) => {
          expect(shard.articles.length).toBeGreaterThan(0);
          if (i > 0) expect(shard.articles.length).toBeGreaterThanOrEqual(n);
          expect(shard.from).toBe(shard.articles.at(-1)?.date.day);
          expect(shard.to).toBe(shard.articles[0].date.day);
          for (const a of shard.articles) {
            expect(dayOwner.get(a.date.day) ?? i).toBe(i);
            dayOwner.set(a.date.day, i);
          }
        });
        expect(new Set(ids(shards)).size).toBe(shards.length);
      }),
    );
  });

  it('changes only the newest shard when a newer article arrives', () => {
    fc.assert(
      fc.property(days, size, (offsets, n) => {
        const articles = newestFirst(offsets);
        const before = planShards(articles, keyOf, 'code', n);
        const after = planShards([article('new', '2025-01-01'), ...articles], keyOf, 'code', n);
        // Every shard but the newest is as it was; the newest changed, or a new one began.
        const kept = Math.max(0, before.length - 1);
        expect(ids(after).slice(after.length - kept)).toEqual(ids(before).slice(1));
        expect(after.length - before.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('changes only its own shard when an article is edited, and every shard when the code is', () => {
    fc.assert(
      fc.property(
        days.filter((d) => d.length > 0),
        size,
        fc.nat(),
        (offsets, n, pick) => {
          const articles = newestFirst(offsets);
          const at = pick % articles.length;
          const edited = articles.map((a, i) => (i === at ? article(a.slug, a.date.day, 1) : a));
          const before = planShards(articles, keyOf, 'code', n);
          const after = planShards(edited, keyOf, 'code', n);
          const changed = after.filter((s, i) => s.id !== before[i].id);
          expect(changed).toHaveLength(1);
          expect(changed[0].articles).toContain(edited[at]);
          const newCode = planShards(articles, keyOf, 'other code', n);
          expect(newCode.every((s, i) => s.id !== before[i].id)).toBe(true);
        },
      ),
    );
  });

  it('makes no shard of no articles', () => {
    expect(planShards([], keyOf, 'code')).toEqual([]);
    expect(shardManifest([])).toEqual({ version: 1, shards: [], recent: 0 });
  });
});

describe('shardManifest', () => {
  it('searches the newest shards until they hold enough articles, and lists the rest as older', () => {
    fc.assert(
      fc.property(days, size, fc.integer({ min: 1, max: 100 }), (offsets, n, recentArticles) => {
        const shards = planShards(newestFirst(offsets), keyOf, 'code', n);
        const manifest = shardManifest(shards, recentArticles);
        expect(manifest.shards.map((s) => s.dir)).toEqual(shards.map((s) => s.dir));
        const counts = manifest.shards.map((s) => s.articles);
        const covered = counts.slice(0, manifest.recent).reduce((a, b) => a + b, 0);
        const total = counts.reduce((a, b) => a + b, 0);
        // Enough, or all there is; and one shard fewer would not have been enough.
        expect(covered >= recentArticles || manifest.recent === shards.length).toBe(true);
        if (manifest.recent > 1) expect(covered - counts[manifest.recent - 1]).toBeLessThan(recentArticles);
        expect(total).toBe(offsets.length);
      }),
    );
  });
});
