// How the live index (lib/content/live.ts) follows its folder: notifications for files and folders,
// the full look when notifications are lost, and an index that is always the one a fresh read gives.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetLiveContent, getContent, loadContent, refreshContent } from '@/lib/content';
import { DEV_FULL_LOOK_MS } from '@/lib/content/live';
import { storeFile } from '@/lib/content/parse-store';
import type { FolderWatch } from '@/lib/content/watch';
import { applyChange, change, plainIndex } from './folder-changes';

const env = { ...process.env };
let dir: string;
const write = (name: string, title: string, slug?: string) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `---\ntitle: ${title}\ndate: '2026-05-01'\n${slug ? `slug: ${slug}\n` : ''}---\nBody of ${title}.\n`,
  );
  const later = new Date(Date.now() + 1000 * Math.random() + 1000);
  utimesSync(file, later, later);
};
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const titles = () => getContent().articles.map((a) => a.title);
/** What a fresh read of the folder gives, drafts included as in dev. */
const fresh = () => {
  const { index } = loadContent(dir, { includeDrafts: true });
  return { titles: index.articles.map((a) => a.title), problems: index.problems };
};
/** Notifications stop, as on a network mount: the folder's watch is closed behind the loader's back. */
const silence = () => {
  const live = (globalThis as { __inkwellLive?: Map<string, { watch?: FolderWatch }> }).__inkwellLive?.get(dir);
  live?.watch?.close();
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-live-'));
  process.env.CONTENT_DIR = dir;
});
afterEach(() => {
  forgetLiveContent();
  rmSync(storeFile(dir), { force: true });
  process.env = { ...env };
  rmSync(dir, { recursive: true, force: true });
});

describe('the live index', () => {
  it('follows files in folders made after it started, and folders renamed or removed', async () => {
    Object.assign(process.env, { NODE_ENV: 'development' });
    write('one.md', 'One');
    expect(titles()).toEqual(['One']);
    write('2026/05/two.md', 'Two');
    await settle();
    expect(titles().sort()).toEqual(['One', 'Two']);
    write('2026/05/three.md', 'Three');
    await settle();
    expect(titles().sort()).toEqual(['One', 'Three', 'Two']);
    renameSync(path.join(dir, '2026'), path.join(dir, 'archive'));
    await settle();
    expect(
      getContent()
        .articles.map((a) => path.basename(path.dirname(a.file)))
        .sort(),
    ).toEqual(['05', '05', path.basename(dir)]);
    rmSync(path.join(dir, 'archive'), { recursive: true });
    await settle();
    expect(titles()).toEqual(['One']);
  });

  it('is, after every change, the index a fresh read of the folder gives: same order, same problems', async () => {
    Object.assign(process.env, { NODE_ENV: 'development' });
    write('m.md', 'M');
    getContent();
    // Two files claim one slug: the first in the folder's order keeps it, whichever came first.
    write('z.md', 'Z', 'shared');
    await settle();
    write('a/b.md', 'A', 'shared');
    await settle();
    write('_drafts/hidden.md', 'Hidden');
    write('.git/x.md', 'Dot');
    await settle();
    const now = getContent();
    expect({ titles: now.articles.map((a) => a.title), problems: now.problems }).toEqual(fresh());
    expect(now.problems).toHaveLength(1);
    expect(now.problems[0].file).toMatch(/z\.md$/);
  });

  it('is, after any sequence of changes, what a fresh read gives, once the Node host has looked', async () => {
    Object.assign(process.env, { NODE_ENV: 'production', INKWELL_LIVE_CONTENT: '1' });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        forgetLiveContent();
        rmSync(storeFile(dir), { force: true });
        rmSync(dir, { recursive: true, force: true });
        dir = mkdtempSync(path.join(tmpdir(), 'inkwell-live-'));
        process.env.CONTENT_DIR = dir;
        getContent();
        for (const c of changes) {
          applyChange(dir, c);
          await refreshContent();
          expect(plainIndex(getContent())).toEqual(plainIndex(loadContent(dir).index));
        }
      }),
      { numRuns: 30, seed: 21 },
    );
  });

  it('finds what notifications missed with its full look: in dev within seconds, on the Node host when asked', async () => {
    Object.assign(process.env, { NODE_ENV: 'development' });
    write('one.md', 'One');
    expect(titles()).toEqual(['One']);
    silence();
    write('two.md', 'Two');
    await settle(DEV_FULL_LOOK_MS + 500);
    expect(titles().sort()).toEqual(['One', 'Two']);

    forgetLiveContent();
    Object.assign(process.env, { NODE_ENV: 'production', INKWELL_LIVE_CONTENT: '1' });
    expect(titles().sort()).toEqual(['One', 'Two']);
    silence();
    write('three.md', 'Three');
    await settle();
    // Rendering never looks at the folder: the server's refresh does.
    expect(titles()).not.toContain('Three');
    const { changed } = await refreshContent();
    expect(changed).toBe(true);
    expect(titles()).toContain('Three');
    // The refresh watched the folder again: the next change comes by notification.
    write('four.md', 'Four');
    await settle();
    expect(titles()).toContain('Four');
  });
});
