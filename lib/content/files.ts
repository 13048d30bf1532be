// The content folder on disk: where it is, which files in it are articles, reading one within its size
// cap, and the stamps (size and time) that tell `npm run dev` and `npm start` what changed.
import { closeSync, type Dir, fstatSync, opendirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../files.mjs';
import { readSettings } from '../settings.mjs';
import type { Problem } from './types';

export function contentDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), readSettings().contentDir);
}

/** A path as messages show it: relative to the project when that is shorter. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.length < file.length ? rel : file;
}

/** The article URL segment a file gets from its name: where `npm run dev` shows the file's problems. */
export function fileSlug(file: string): string {
  return path
    .basename(file)
    .replace(/\.mdx?$/i, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Names the loader passes over: `_authors/` and the like hold no articles, dot files are the system's. */
const hidden = ({ name }: { name: string }) => name.startsWith('_') || name.startsWith('.');

/** Every `.md`/`.mdx` below `dir`, skipping names that start with `_` or `.`, in a stable order. */
export function listArticleFiles(dir: string): string[] {
  return filesUnder(dir, { skip: hidden }).filter((file) => /\.mdx?$/i.test(path.basename(file)));
}

/** An article is a page of text: a file this large is not one, and is refused before it is read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A file's text, or a problem when it is too large to be an article or cannot be read. */
export function readSource(file: string): { source: string; problem?: never } | { source?: never; problem: Problem } {
  const problem = (message: string) => ({ problem: { file: shownPath(file), field: 'file', message } });
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      return problem(
        `is ${(size / 1024 / 1024).toFixed(1)} MB; an article may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    return { source: readFileSync(fd, 'utf8') };
  } catch (error) {
    return problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What says a file changed: its modification time and size. */
const stampOf = ({ mtimeMs, size }: { mtimeMs: number; size: number }) => `${mtimeMs}:${size}`;

export function fileStamp(file: string): string {
  return stampOf(statSync(file));
}

export const isProfile = (dir: string, file: string) => path.dirname(file) === path.join(dir, '_authors');

/** Every article and profile file under `dir` with its size and modification time; none for no folder. */
export function folderStamps(dir: string): Map<string, string> {
  const files: string[] = [];
  try {
    files.push(...listArticleFiles(dir));
  } catch {
    return new Map();
  }
  try {
    const authors = path.join(dir, '_authors');
    files.push(...readdirSync(authors).map((f) => path.join(authors, f)));
  } catch {}
  const stamps = new Map<string, string>();
  for (const file of files) {
    try {
      // Files only, as folderChanges and stampIn count them: a folder under _authors/ is no profile.
      const stats = statSync(file);
      if (stats.isFile()) stamps.set(file, stampOf(stats));
    } catch {}
  }
  return stamps;
}

/**
 * What orders a path below `dir` as listArticleFiles does: folder by folder, names by code point (NUL
 * sorts before any character a name can hold, so comparing these compares name by name).
 */
function folderKey(dir: string): (file: string) => string {
  const prefix = path.join(dir, path.sep);
  return (file) =>
    (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(dir, file)).split(path.sep).join('\0');
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Compares two paths below `dir` by the folder's order. */
export function folderOrder(dir: string): (a: string, b: string) => number {
  const key = folderKey(dir);
  return (a, b) => byKey({ key: key(a) }, { key: key(b) });
}

/** Paths below `dir` in the folder's order (each path's key made once, not once per comparison). */
export function inFolderOrder(dir: string, files: Iterable<string>): string[] {
  const key = folderKey(dir);
  return [...files]
    .map((file) => ({ file, key: key(file) }))
    .sort(byKey)
    .map(({ file }) => file);
}

/** How long the full look works before it lets the event loop go on: well inside a frame of a page. */
const SLICE_MS = 4;

/** A stamp for one path, undefined for one that is gone or is not a file. */
function stampNow(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stampOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What changed in the folder since `known` (file → stamp, as folderStamps gives them): each changed file
 * with its new stamp, undefined for one gone. Without holding up the event loop, and without a second
 * map of every file (at 100,000 files that was 55 MB made and 22 MB left for the collector at every
 * look): folders are read and files stat-ed and compared as they come, synchronously for SLICE_MS at a
 * time, then the event loop goes on. Synchronous, because under `npm run dev` React tracks every promise
 * and every asynchronous call with a stack trace: a stat a file made a look at 100,000 files cost ~5 s
 * of a core and ~300 MB. Only when fewer known files were found than are known is every known file looked
 * at again, to name the ones gone and compare the ones in folders the walk could not read.
 */
export async function folderChanges(
  dir: string,
  known: ReadonlyMap<string, string>,
): Promise<Map<string, string | undefined>> {
  let sliceStart = performance.now();
  const breathe = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  const changed = new Map<string, string | undefined>();
  let found = 0;
  const compare = (file: string) => {
    const stamp = stampNow(file);
    if (stamp === undefined) return;
    const before = known.get(file);
    if (before !== undefined) found++;
    if (stamp !== before) changed.set(file, stamp);
  };
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let handle: Dir;
    try {
      handle = opendirSync(folder, { bufferSize: 256 });
    } catch {
      // No folder: every file is gone.
      if (folder === dir) return new Map([...known.keys()].map((file) => [file, undefined]));
      continue;
    }
    try {
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
        if (hidden(entry)) continue;
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) folders.push(file);
        else if (/\.mdx?$/i.test(entry.name)) compare(file);
        await breathe();
      }
    } catch {
      // A folder that went away meanwhile: its known files are looked at below.
    } finally {
      handle.closeSync();
    }
  }
  try {
    const authors = path.join(dir, '_authors');
    for (const name of readdirSync(authors)) compare(path.join(authors, name));
  } catch {}
  if (found < known.size) {
    // A known file the walk did not meet (gone, or in a folder it could not read) is compared here.
    for (const [file, before] of known) {
      const stamp = stampNow(file);
      if (stamp !== before) changed.set(file, stamp);
      await breathe();
    }
  }
  return changed;
}

/**
 * One file's stamp as folderStamps would give it, for a path a notification named; undefined when the
 * file is gone, or is not one folderStamps lists (a hidden name, not markdown, a folder).
 */
export function stampIn(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const listed =
    isProfile(dir, file) || (!relative.split(path.sep).some((name) => hidden({ name })) && /\.mdx?$/i.test(file));
  if (!listed) return undefined;
  try {
    const stats = statSync(file);
    return stats.isFile() ? stampOf(stats) : undefined;
  } catch {
    return undefined;
  }
}
