// The search index is cut into shards of consecutive days, each its own Pagefind index, so that
// - a build indexes again only the shards whose articles changed (scripts/search-index.mts keeps each
//   built shard in .next/cache under its id, a hash of everything its records are made from);
// - indexing runs one shard per core;
// - a reader's search downloads the newest shards, and older ones only on request (public/search.js
//   reads the manifest this writes; Pagefind merges the shards it loads at query time).
// Days are cut from the oldest, so a new article changes only the newest shard, and an edit only its own.
import { createHash } from 'node:crypto';
import type { Article } from './content';

/** A shard closes at the first day that brings it to this many articles. */
export const SHARD_ARTICLES = 5000;
/** A search covers the newest shards until they hold this many articles; older ones on request. */
export const RECENT_ARTICLES = 10000;
/** The manifest's name in the index folder, and its format's version. */
export const MANIFEST = 'shards.json';
const MANIFEST_VERSION = 1;

export interface Shard {
  /** A hash of what its records are made from: equal ids, equal indexes. */
  id: string;
  /** Its folder in the index. */
  dir: string;
  /** Days of its oldest and newest article (YYYY-MM-DD). */
  from: string;
  to: string;
  articles: Article[];
}

export interface ShardManifest {
  version: number;
  /** Newest first. `recent` of them make a search; the rest are searched on request. */
  shards: { dir: string; from: string; to: string; articles: number }[];
  recent: number;
}

/**
 * The articles (newest first, as the index holds them) cut into shards of whole days, newest shard
 * first. `keyOf` gives what an article's record is made from besides the code (its file's stamp,
 * URL, title, terms…); `codeKey` is the code's part (the indexer, the loader, Pagefind's version).
 */
export function planShards(
  articles: readonly Article[],
  keyOf: (article: Article) => string,
  codeKey: string,
  size = SHARD_ARTICLES,
): Shard[] {
  const shards: Shard[] = [];
  let current: Article[] = [];
  const close = () => {
    if (current.length === 0) return;
    const hash = createHash('sha256').update(codeKey).update('\0');
    for (const article of current) hash.update(keyOf(article)).update('\0');
    const id = hash.digest('hex').slice(0, 20);
    // The oldest article is the last of a newest-first run; the order inside a day is the index's.
    shards.push({
      id,
      dir: `s-${id}`,
      from: current[0].date.day,
      to: current[current.length - 1].date.day,
      articles: current,
    });
    current = [];
  };
  // Oldest first, a day at a time: a shard never splits a day, so its articles do not move between shards
  // when the order inside a day does.
  for (let end = articles.length; end > 0; ) {
    const day = articles[end - 1].date.day;
    let start = end - 1;
    while (start > 0 && articles[start - 1].date.day === day) start--;
    for (let i = end - 1; i >= start; i--) current.push(articles[i]);
    end = start;
    if (current.length >= size) close();
  }
  close();
  return shards.reverse().map((shard) => ({ ...shard, articles: shard.articles.reverse() }));
}

/** The manifest for these shards (newest first): how many make a search, and what each holds. */
export function shardManifest(shards: readonly Shard[], recentArticles = RECENT_ARTICLES): ShardManifest {
  let recent = 0;
  for (let covered = 0; recent < shards.length && covered < recentArticles; recent++) {
    covered += shards[recent].articles.length;
  }
  return {
    version: MANIFEST_VERSION,
    shards: shards.map(({ dir, from, to, articles }) => ({ dir, from, to, articles: articles.length })),
    recent: Math.max(recent, Math.min(1, shards.length)),
  };
}
