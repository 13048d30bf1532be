// Content that follows its folder: `npm run dev` and the Node host (`npm start`) keep an index of the
// folder in memory and change it when a file does, re-reading only the files that changed, and keep
// serving without a bad file. Rendering a page never looks at the folder:
// - the operating system's notifications (watch.ts) name the changed files; a moment after the last
//   one, those files alone are stat-ed and re-read, and the index is patched with them (FolderIndex:
//   milliseconds for one file among 100,000, where making the whole index again took seconds);
// - a full look, in slices so pages go on being served (folderChanges), finds what notifications miss
//   (a network mount sends none): in dev every DEV_FULL_LOOK_MS, or less often where a look costs more
//   (LOOK_SHARE of a core at most), and on the Node host whenever its server asks (refreshContent,
//   every REVALIDATE_SECONDS).
import { readSettings } from '../settings.mjs';
import { FolderIndex, folderProblems, publishedCount } from './build-index';
import { contentDir, folderChanges, folderStamps, isProfile, stampIn } from './files';
import { outsideRequests } from './outside';
import { cachedParse, readProfiles } from './parse';
import { loadParses, saveParses } from './parse-store';
import { type ContentIndex, formatProblem, type ParseCache, type ParseResult, type Problem } from './types';
import { FolderWatch } from './watch';

// On globalThis for the reason memo.ts gives: one per process, not one per route bundle.
const memo = globalThis as typeof globalThis & { __inkwellLive?: Map<string, LiveContent> };

export interface LiveContent {
  dir: string;
  includeDrafts: boolean;
  index: ContentIndex;
  /** What the index is made of, changed file by file. */
  folder: FolderIndex;
  cache: ParseCache;
  /** Every file of the folder with its size and time, as last seen. */
  stamps: Map<string, string>;
  /** Counts the indexes made: a new one means the folder changed. */
  version: number;
  /** The version the last refreshContent() call saw. */
  refreshed: number;
  /** How many articles the feeds could announce at that call: a scheduled one falls due without a file changing. */
  due?: number;
  watch?: FolderWatch;
  /** The pending look at the files notifications named. */
  applyTimer?: ReturnType<typeof setTimeout>;
  /** `npm run dev`: the next periodic full look. */
  lookTimer?: ReturnType<typeof setTimeout>;
  /** The full look under way, which a second caller waits for rather than starting another. */
  looking?: Promise<void>;
  /** The pending write of the parses for the next start. */
  saveTimer?: ReturnType<typeof setTimeout>;
  /** The writes of the parses, one after the other. */
  saving?: Promise<void>;
  /** Stops a write under way when the folder is forgotten. */
  forgotten: AbortController;
}

/** How long after a notification the changed files are read: a save often comes as several events. */
export const SETTLE_MS = 50;
/** `npm run dev`: the full look behind notifications, for folders that send none, at most this often... */
export const DEV_FULL_LOOK_MS = 2000;
/** ...and the share of the time it may take: the pause after a look is its length over this share. */
export const LOOK_SHARE = 0.05;
/** The parses are kept for the next start once the folder has been still this long. */
const SAVE_PARSES_AFTER_MS = 3000;

/** `npm run dev`: a number that changes whenever the content folder does (see app/dev-reload). */
export function devContentVersion(): number {
  return liveContent(contentDir(), true).version;
}

/**
 * Looks at the whole content folder now, without holding up pages, and says whether it changed since
 * the last call or an article dated in the future has fallen due for the feeds: the Node host's server
 * calls this every REVALIDATE_SECONDS (app/api/content/route.ts) and then revalidates its pages.
 */
export async function refreshContent(now = new Date()): Promise<{ changed: boolean; index: ContentIndex }> {
  const live = liveContent(contentDir(), false);
  await fullLook(live);
  const due = publishedCount(live.index.articles, now);
  const changed = live.version !== live.refreshed || (live.due !== undefined && due !== live.due);
  live.refreshed = live.version;
  live.due = due;
  return { changed, index: live.index };
}

/** The folder's content as last seen; the first call reads it (from the parse store where it can). */
export function liveContent(dir: string, includeDrafts: boolean): LiveContent {
  memo.__inkwellLive ??= new Map();
  const known = memo.__inkwellLive.get(dir);
  if (known) return known;
  // What this starts (a watch, timers) runs on its own time, outside the request that asked first.
  const live = outsideRequests(() => startLive(dir, includeDrafts));
  memo.__inkwellLive.set(dir, live);
  return live;
}

function startLive(dir: string, includeDrafts: boolean): LiveContent {
  const stamps = folderStamps(dir);
  const cache = loadParses(dir);
  const loaded = cache.size;
  for (const file of cache.keys()) if (!stamps.has(file)) cache.delete(file);
  // The store needs writing again unless it holds a parse of every article file at its stamp, and no more.
  let stale = cache.size !== loaded;
  for (const [file, stamp] of stamps) if (!isProfile(dir, file) && cache.get(file)?.stamp !== stamp) stale = true;
  const folder = new FolderIndex(dir, includeDrafts);
  const index = folder.update({ ...readChanges(dir, cache, stamps, stamps), profiles: readProfiles(dir) });
  const forgotten = new AbortController();
  const live: LiveContent = { dir, includeDrafts, folder, cache, stamps, index, version: 1, refreshed: 1, forgotten };
  // Written again, the store would be the same 100 MB at 100,000 files.
  if (stale) scheduleSave(live);
  watch(live);
  if (readSettings().contentMode === 'dev') lookLater(live, DEV_FULL_LOOK_MS);
  return live;
}

/** Stops watching and looking; the next liveContent() call reads the folder afresh (tests, shutdown). */
export function forgetLiveContent(): void {
  for (const live of memo.__inkwellLive?.values() ?? []) {
    live.watch?.close();
    clearTimeout(live.applyTimer);
    clearTimeout(live.lookTimer);
    clearTimeout(live.saveTimer);
    live.forgotten.abort();
  }
  memo.__inkwellLive?.clear();
}

function watch(live: LiveContent) {
  live.watch?.close();
  live.watch = new FolderWatch(live.dir, () => {
    clearTimeout(live.applyTimer);
    live.applyTimer = setTimeout(() => applyNoticed(live), SETTLE_MS);
    live.applyTimer.unref();
  });
}

/** The files notifications named, stat-ed and read; the whole folder when they cannot say. */
function applyNoticed(live: LiveContent) {
  const noticed = live.watch?.take() ?? 'unknown';
  if (noticed === 'unknown') return void fullLook(live);
  const changed = new Map<string, string | undefined>();
  for (const file of noticed) {
    const stamp = stampIn(live.dir, file);
    if (stamp !== live.stamps.get(file)) changed.set(file, stamp);
  }
  adopt(live, changed);
}

/** `npm run dev`: the next full look, `ms` from now, and the one after it once that one is done. */
function lookLater(live: LiveContent, ms: number) {
  live.lookTimer = setTimeout(async () => {
    const started = performance.now();
    await fullLook(live).catch((error) => console.error(`content: the folder could not be looked at: ${error}`));
    const took = performance.now() - started;
    if (!live.forgotten.signal.aborted) lookLater(live, Math.max(DEV_FULL_LOOK_MS, took / LOOK_SHARE));
  }, ms);
  live.lookTimer.unref();
}

/** Every file of the folder stat-ed, a batch at a time; one look at once, however many ask. */
function fullLook(live: LiveContent): Promise<void> {
  live.looking ??= (async () => {
    try {
      if (!live.watch?.working) watch(live);
      adopt(live, await folderChanges(live.dir, live.stamps));
    } finally {
      live.looking = undefined;
    }
  })();
  return live.looking;
}

/** A new index when files changed: their new stamps, undefined for those gone. */
function adopt(live: LiveContent, changed: Map<string, string | undefined>) {
  if (changed.size === 0) return;
  for (const [file, stamp] of changed) {
    if (stamp !== undefined) live.stamps.set(file, stamp);
    else {
      live.stamps.delete(file);
      live.cache.delete(file);
    }
  }
  const before = live.index;
  const { dir, cache, stamps } = live;
  const change = readChanges(dir, cache, stamps, changed);
  const profiles = [...changed.keys()].some((file) => isProfile(dir, file)) ? readProfiles(dir) : undefined;
  try {
    live.index = live.folder.update({ ...change, profiles });
  } catch (error) {
    // A bug in patching the index must not leave it wrong for good: it is made again from every parse.
    console.error(`content: the index is made again after an error patching it: ${(error as Error).stack}`);
    live.folder = new FolderIndex(dir, live.includeDrafts);
    live.index = live.folder.update({ ...readChanges(dir, cache, stamps, stamps), profiles: readProfiles(dir) });
  }
  live.version++;
  if (!live.includeDrafts) logNewProblems(live.index.problems, before.problems);
  scheduleSave(live);
}

/**
 * The parses of the article files changed (from the cache while a file keeps its stamp), and the folder's
 * own problem when it holds no file: a missing folder is named.
 */
function readChanges(
  dir: string,
  cache: ParseCache,
  stamps: Map<string, string>,
  changed: Map<string, string | undefined>,
): { parses: Map<string, ParseResult | undefined>; folder: Problem[] } {
  const parses = new Map<string, ParseResult | undefined>();
  for (const [file, stamp] of changed) {
    if (!isProfile(dir, file)) parses.set(file, stamp === undefined ? undefined : cachedParse(cache, file, stamp));
  }
  return { parses, folder: stamps.size > 0 ? [] : folderProblems(dir) };
}

/** The parses, written once the folder has been still for a while, off any request, one write at a time. */
function scheduleSave(live: LiveContent) {
  clearTimeout(live.saveTimer);
  live.saveTimer = setTimeout(() => {
    if (memo.__inkwellLive?.get(live.dir) !== live) return;
    const save = () => saveParses(live.dir, live.cache, undefined, live.forgotten.signal);
    live.saving = (live.saving ?? Promise.resolve()).then(save);
  }, SAVE_PARSES_AFTER_MS);
  live.saveTimer.unref();
}

/** The server's log names each bad file once, when it is first seen, and says it is served without it. */
function logNewProblems(problems: Problem[], known: Problem[]) {
  const seen = new Set(known.map(formatProblem));
  for (const p of problems) if (!seen.has(formatProblem(p))) console.error(`content: left out: ${formatProblem(p)}`);
}
