// What a build renders ahead of time. A static export renders every page: it has no server to render
// the rest. The Node host renders what readers open most — the home page, the index pages, each
// category's first page and the newest PRERENDER_NEWEST articles (default 1000; `all` renders every
// page, as the export does) — and every other page on its first request, then serves it from its cache.

const DEFAULT_NEWEST = 1000;

/** How many of the newest articles the build renders; Infinity for all of them. */
export function prerenderNewest(env: Partial<NodeJS.ProcessEnv> = process.env): number {
  if (env.STATIC_EXPORT) return Number.POSITIVE_INFINITY;
  const value = env.PRERENDER_NEWEST?.trim();
  if (!value) return DEFAULT_NEWEST;
  if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
  if (/^\d+$/.test(value)) return Number(value);
  throw new Error(`PRERENDER_NEWEST must be a number of articles or "all", not "${value}"`);
}

/** A long-tail route's params: all of them when the build renders every page, none otherwise. */
export function longTail<T>(params: T[], env: Partial<NodeJS.ProcessEnv> = process.env): T[] {
  return prerenderNewest(env) === Number.POSITIVE_INFINITY ? params : [];
}
