// getContent, the one door pages go through: a build loads the folder once per process, and the other
// modes hand over to live.ts.
import { readSettings } from '../settings.mjs';
import { loadContent } from './build-index';
import { contentDir } from './files';
import { liveContent } from './live';
import { loadParses } from './parse-store';
import { ContentError, type ContentIndex } from './types';

// Next bundles each route separately, so a module-level variable would be one per route bundle:
// the index lives on globalThis to be loaded once per process, however many routes ask for it.
const memo = globalThis as typeof globalThis & { __inkwellContent?: Map<string, ContentIndex> };

/**
 * The site's content. A build loads it once per process and fails on a bad file with every problem
 * listed. `npm run dev` and the Node host's server (`npm start`, which sets INKWELL_LIVE_CONTENT) keep
 * an index that follows the folder (live.ts) and serve without a bad file. Dev pages name it
 * (index.problems); the server logs it.
 */
export function getContent(): ContentIndex {
  const dir = contentDir();
  const mode = readSettings().contentMode;
  if (mode !== 'build') return liveContent(dir, mode === 'dev').index;
  memo.__inkwellContent ??= new Map();
  let index = memo.__inkwellContent.get(dir);
  if (!index) {
    // The parses the build's content check just kept: each of the build's processes reads the store
    // rather than every file (a file changed since is read again; parse-store.ts).
    const loaded = loadContent(dir, { cache: loadParses(dir) });
    if (loaded.problems.length > 0) throw new ContentError(loaded.problems);
    index = loaded.index;
    memo.__inkwellContent.set(dir, index);
  }
  return index;
}
