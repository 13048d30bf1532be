// The content folder on disk: where it is, which files in it are articles, reading one within its size
// cap, and the stamps (size and time) that tell `npm run dev` and `npm start` what changed.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

export function fileStamp(file: string): string {
  const { mtimeMs, size } = statSync(file);
  return `${mtimeMs}:${size}`;
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
      stamps.set(file, fileStamp(file));
    } catch {}
  }
  return stamps;
}
