// Content that follows its folder: `npm run dev` and the Node host (`npm start`) keep an index of the
// folder in memory and change it when a file does, re-reading only the files that changed, and keep
// serving without a bad file. Rendering a page never looks at the folder:
// - the operating system's notifications (watch.ts) name the changed files; a moment after the last
//   one, those files alone are stat-ed and re-read, and the index is made again;
// - a full look, asynchronous so pages go on being served, finds what notifications miss (a network
//   mount sends none): every DEV_FULL_LOOK_MS in dev, and on the Node host whenever its server asks
//   (refreshContent, every REVALIDATE_SECONDS).
import { readSettings } from '../settings.mjs';
import { loadContent, publishedBy } from './build-index';
import { contentDir, folderStamps, folderStampsAsync, inFolderOrder, stampIn } from './files';
import { loadParses, saveParses } from './parse-store';
import { type ContentIndex, formatProblem, type ParseCache, type Problem } from './types';
import { FolderWatch } from './watch';

// On globalThis for the reason memo.ts gives: one per process, not one per route bundle.
const memo = globalThis as typeof globalThis & { __inkwellLive?: Map<string, LiveContent> };

export interface LiveContent {
  dir: string;
  includeDrafts: boolean;
  index: ContentIndex;
  cache: ParseCache;
  /** Every file of the folder with its size and time, as last seen, in the folder's order. */
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
  /** `npm run dev`: the periodic full look. */
  lookTimer?: ReturnType<typeof setInterval>;
  /** The full look under way, which a second caller waits for rather than starting another. */
  looking?: Promise<void>;
  /** The pending write of the parses for the next start. */
  saveTimer?: ReturnType<typeof setTimeout>;
}

/** How long after a notification the changed files are read: a save often comes as several events. */
export const SETTLE_MS = 50;
/** `npm run dev`: the full look behind notifications, for folders that send none. */
export const DEV_FULL_LOOK_MS = 2000;
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
  const due = publishedBy(live.index.articles, now).length;
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
  const stamps = folderStamps(dir);
  const cache = loadParses(dir);
  const live: LiveContent = {
    dir,
    includeDrafts,
    cache,
    stamps,
    index: load(dir, includeDrafts, cache, stamps),
    version: 1,
    refreshed: 1,
  };
  memo.__inkwellLive.set(dir, live);
  scheduleSave(live);
  watch(live);
  if (readSettings().contentMode === 'dev') {
    live.lookTimer = setInterval(() => void fullLook(live), DEV_FULL_LOOK_MS);
    live.lookTimer.unref();
  }
  return live;
}

/** Stops watching and looking; the next liveContent() call reads the folder afresh (tests, shutdown). */
export function forgetLiveContent(): void {
  for (const live of memo.__inkwellLive?.values() ?? []) {
    live.watch?.close();
    clearTimeout(live.applyTimer);
    clearInterval(live.lookTimer);
    clearTimeout(live.saveTimer);
  }
  memo.__inkwellLive?.clear();
}

function load(dir: string, includeDrafts: boolean, cache: ParseCache, stamps: Map<string, string>): ContentIndex {
  // An empty look is a missing folder, or an empty one: read it plainly, so a missing one is named.
  const { index } = loadContent(dir, { includeDrafts, cache, stamps: stamps.size ? stamps : undefined });
  for (const file of cache.keys()) if (!stamps.has(file)) cache.delete(file);
  return index;
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
  const stamps = new Map(live.stamps);
  let added = false;
  for (const file of noticed) {
    const stamp = stampIn(live.dir, file);
    if (stamp === undefined) stamps.delete(file);
    else {
      added ||= !stamps.has(file);
      stamps.set(file, stamp);
    }
  }
  adopt(live, added ? ordered(live.dir, stamps) : stamps);
}

/** Every file of the folder stat-ed, a batch at a time; one look at once, however many ask. */
function fullLook(live: LiveContent): Promise<void> {
  live.looking ??= (async () => {
    try {
      if (!live.watch?.working) watch(live);
      const stamps = await folderStampsAsync(live.dir);
      if (!sameStamps(stamps, live.stamps)) adopt(live, ordered(live.dir, stamps));
    } finally {
      live.looking = undefined;
    }
  })();
  return live.looking;
}

/** A new index when the stamps differ from those last seen. */
function adopt(live: LiveContent, stamps: Map<string, string>) {
  if (sameStamps(stamps, live.stamps)) return;
  const before = live.index;
  live.index = load(live.dir, live.includeDrafts, live.cache, stamps);
  live.stamps = stamps;
  live.version++;
  if (!live.includeDrafts) logNewProblems(live.index.problems, before.problems);
  scheduleSave(live);
}

/** The parses, written once the folder has been still for a while, off any request. */
function scheduleSave(live: LiveContent) {
  clearTimeout(live.saveTimer);
  live.saveTimer = setTimeout(
    () => memo.__inkwellLive?.get(live.dir) === live && saveParses(live.dir, live.cache),
    SAVE_PARSES_AFTER_MS,
  );
  live.saveTimer.unref();
}

/** The server's log names each bad file once, when it is first seen, and says it is served without it. */
function logNewProblems(problems: Problem[], known: Problem[]) {
  const seen = new Set(known.map(formatProblem));
  for (const p of problems) if (!seen.has(formatProblem(p))) console.error(`content: left out: ${formatProblem(p)}`);
}

/** The stamps in the folder's order, which decides which of two files claiming one slug keeps it. */
const ordered = (dir: string, stamps: Map<string, string>) =>
  new Map(inFolderOrder(dir, stamps.keys()).map((file) => [file, stamps.get(file) as string]));

const sameStamps = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([file, stamp]) => b.get(file) === stamp);
