// What a build renders ahead of time. A static export renders every page: it has no server to render
// the rest. The Node host renders what readers open most — the home page, the index pages, each
// category's first page and the newest PRERENDER_NEWEST articles (lib/settings.mjs) — and every other
// page on its first request, then serves it from its cache.
import { readSettings } from './settings.mjs';

type Environment = Record<string, string | undefined>;

/** How many of the newest articles the build renders; Infinity for all of them. */
export function prerenderNewest(env: Environment = process.env): number {
  return readSettings(env).prerenderNewest;
}

/** A long-tail route's params: all of them when the build renders every page, none otherwise. */
export function longTail<T>(params: T[], env: Environment = process.env): T[] {
  return prerenderNewest(env) === Number.POSITIVE_INFINITY ? params : [];
}
