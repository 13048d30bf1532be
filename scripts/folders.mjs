// @ts-check
// Folders the build scripts write beside where they go, then move into place in one rename, so a
// reader (the running site, another run) finds the old folder whole or the new one, never half of one.
import { renameSync, rmSync } from 'node:fs';

/**
 * Whether a file-system error has one of `codes`.
 * @param {unknown} error
 * @param {...string} codes
 */
export const hasCode = (error, ...codes) => codes.includes(/** @type {NodeJS.ErrnoException} */ (error).code ?? '');

/**
 * Moves folder `from` to `target`. The old `target` is renamed aside (`<target>.old-<pid>`) first and
 * removed after; where another run moved its folder in between the two renames, that goes aside in turn.
 * @param {string} target
 * @param {string} from
 */
export function replaceFolder(target, from) {
  const aside = `${target}.old-${process.pid}`;
  for (;;) {
    try {
      renameSync(target, aside);
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error;
    }
    try {
      renameSync(from, target);
      break;
    } catch (error) {
      if (!hasCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
    }
    rmSync(aside, { recursive: true, force: true });
  }
  rmSync(aside, { recursive: true, force: true });
}
