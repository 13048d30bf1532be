// Content that follows its folder: `npm run dev` and the Node host (`npm start`) look at the folder
// again as pages render, re-read only the files that changed, and keep serving without a bad file.
import { readSettings } from '../settings.mjs';
import { loadContent, publishedBy } from './build-index';
import { contentDir, folderStamps } from './files';
import { loadParses, saveParses } from './parse-store';
import { type ContentIndex, formatProblem, type ParseCache, type Problem } from './types';

// On globalThis for the reason memo.ts gives: one per process, not one per route bundle.
const memo = globalThis as typeof globalThis & { __inkwellLive?: Map<string, LiveContent> };

export interface LiveContent {
  index: ContentIndex;
  cache: ParseCache;
  /** Every file of the folder with its size and time, as last seen. */
  stamps: Map<string, string>;
  checkedAt: number;
  /** Counts the indexes made: a new one means the folder changed. */
  version: number;
  /** The version the last refreshContent() call saw. */
  refreshed: number;
  /** How many articles the feeds could announce at that call: a scheduled one falls due without a file changing. */
  due?: number;
  /** `npm run dev`: the pending write of the parses for the next run. */
  saveTimer?: ReturnType<typeof setTimeout>;
}

/** How long a look at the folder is trusted: in `npm run dev`, one page's requests share one look. */
export const DEV_RECHECK_MS = 200;
/** On the Node host (`npm start`), pages rendered within a second share one look. */
export const SERVER_RECHECK_MS = 1000;
/** `npm run dev` keeps its parses for the next run once the folder has been still this long. */
const SAVE_PARSES_AFTER_MS = 3000;

/** `npm run dev`: a number that changes whenever the content folder does (see app/dev-reload). */
export function devContentVersion(): number {
  return liveContent(contentDir(), DEV_RECHECK_MS, true).version;
}

/**
 * Looks at the content folder now and says whether it changed since the last call, or an article
 * dated in the future has fallen due for the feeds: the Node host's server calls this every
 * REVALIDATE_SECONDS (app/api/content/route.ts) and then revalidates its pages.
 */
export function refreshContent(now = new Date()): { changed: boolean; index: ContentIndex } {
  const live = liveContent(contentDir(), 0, false);
  const due = publishedBy(live.index.articles, now).length;
  const changed = live.version !== live.refreshed || (live.due !== undefined && due !== live.due);
  live.refreshed = live.version;
  live.due = due;
  return { changed, index: live.index };
}

export function liveContent(dir: string, recheckMs: number, includeDrafts: boolean): LiveContent {
  memo.__inkwellLive ??= new Map();
  const last = memo.__inkwellLive.get(dir);
  const now = Date.now();
  if (last && now - last.checkedAt < recheckMs) return last;
  const stamps = folderStamps(dir);
  if (last && sameStamps(stamps, last.stamps)) {
    last.checkedAt = now;
    return last;
  }
  // `npm run dev` starts from the parses of its last run (parse-store.ts) and keeps them for the next.
  const dev = readSettings().contentMode === 'dev';
  const cache = last?.cache ?? (dev ? loadParses(dir) : new Map());
  // An empty look is a missing folder, or an empty one: read it plainly, so a missing one is named.
  const { index } = loadContent(dir, { includeDrafts, cache, stamps: stamps.size ? stamps : undefined });
  for (const file of cache.keys()) if (!stamps.has(file)) cache.delete(file);
  if (!includeDrafts) logNewProblems(index.problems, last?.index.problems ?? []);
  const version = (last?.version ?? 0) + 1;
  const live: LiveContent = { index, cache, stamps, checkedAt: now, version, refreshed: last?.refreshed ?? version };
  memo.__inkwellLive.set(dir, live);
  // Saved once the folder has been still for a while, off the request that noticed the change.
  if (dev) {
    clearTimeout(last?.saveTimer);
    const save = () => memo.__inkwellLive?.get(dir) === live && saveParses(dir, cache);
    live.saveTimer = setTimeout(save, SAVE_PARSES_AFTER_MS).unref();
  }
  return live;
}

/** The server's log names each bad file once, when it is first seen, and says it is served without it. */
function logNewProblems(problems: Problem[], known: Problem[]) {
  const seen = new Set(known.map(formatProblem));
  for (const p of problems) if (!seen.has(formatProblem(p))) console.error(`content: left out: ${formatProblem(p)}`);
}

const sameStamps = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([file, stamp]) => b.get(file) === stamp);
