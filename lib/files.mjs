// @ts-check
// The one directory walker: the loader lists content with it, the build steps the pages they rewrite,
// the audit and the bench what a build wrote. Plain JavaScript, so that the build steps run it as is.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ path: string, name: string, directory: boolean }} Entry
 */

/**
 * Every entry below `dir`, in one order on every machine: depth first, each folder's entries by name in
 * code point order. A folder `skip` names is listed but not entered; a file it names is left out.
 * Iterative, so no depth of folders can overflow the stack; a symbolic link is not followed. Throws
 * when `dir` cannot be read; a folder below it that vanishes meanwhile is passed over.
 * @param {string} dir
 * @param {{ skip?: (entry: Entry) => boolean }} [options]
 * @returns {Entry[]}
 */
export function entriesUnder(dir, { skip } = {}) {
  /** @type {{ entry: Entry, order: string }[]} */
  const found = [];
  /** @type {{ folder: string, order: string }[]} */
  const folders = [{ folder: dir, order: '' }];
  for (let next = folders.pop(); next !== undefined; next = folders.pop()) {
    let dirents;
    try {
      dirents = readdirSync(next.folder, { withFileTypes: true });
    } catch (error) {
      if (next.folder === dir) throw error;
      continue;
    }
    for (const dirent of dirents) {
      const entry = { path: path.join(next.folder, dirent.name), name: dirent.name, directory: dirent.isDirectory() };
      const skipped = skip?.(entry) ?? false;
      if (skipped && !entry.directory) continue;
      // NUL sorts before any character a name can hold, so comparing these compares name by name.
      const order = next.order === '' ? dirent.name : `${next.order}\0${dirent.name}`;
      found.push({ entry, order });
      if (entry.directory && !skipped) folders.push({ folder: entry.path, order });
    }
  }
  return found.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map(({ entry }) => entry);
}

/**
 * Every file below `dir`, as with entriesUnder.
 * @param {string} dir
 * @param {{ skip?: (entry: Entry) => boolean }} [options]
 * @returns {string[]}
 */
export function filesUnder(dir, options) {
  return entriesUnder(dir, options)
    .filter((entry) => !entry.directory)
    .map((entry) => entry.path);
}
