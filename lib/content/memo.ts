// getContent, the one door pages go through: a build loads the folder once per process, and the other
// modes hand over to live.ts.
import { readSettings } from '../settings.mjs';
import { loadContent } from './build-index';
import { contentDir } from './files';
import { DEV_RECHECK_MS, liveContent, SERVER_RECHECK_MS } from './live';
import { ContentError, type ContentIndex } from './types';

// Next bundles each route separately, so a module-level variable would be one per route bundle:
// the index lives on globalThis to be loaded once per process, however many routes ask for it.
const memo = globalThis as typeof globalThis & { __inkwellContent?: Map<string, ContentIndex> };

/**
 * The site's content. A build loads it once per process and fails on a bad file with every problem
 * listed. `npm run dev` and the Node host's server (`npm start`, which sets INKWELL_LIVE_CONTENT) look
 * at the folder again when a page is rendered: they stat every file, re-read only the ones whose size or
 * time changed, and keep serving without a bad file. Dev pages name it (index.problems); the server
 * logs it.
 */
export function getContent(): ContentIndex {
  const dir = contentDir();
  const mode = readSettings().contentMode;
  if (mode === 'dev') return liveContent(dir, DEV_RECHECK_MS, true).index;
  if (mode === 'live') return liveContent(dir, SERVER_RECHECK_MS, false).index;
  memo.__inkwellContent ??= new Map();
  let index = memo.__inkwellContent.get(dir);
  if (!index) {
    const loaded = loadContent(dir);
    if (loaded.problems.length > 0) throw new ContentError(loaded.problems);
    index = loaded.index;
    memo.__inkwellContent.set(dir, index);
  }
  return index;
}
