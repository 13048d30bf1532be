// The stamps that tell the Node host what changed on disk: folderStamps (taken at start) and
// folderChanges (the periodic full look) must count the same files, or every start would report a change
// and revalidate every page; and a file the look cannot reach by walking must still be compared.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const blocked = vi.hoisted(() => ({ folder: '' }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  // A folder the walk cannot open, as one with no read permission would be for a user that is not root.
  const opendir: typeof fs.opendir = (folder, options) =>
    folder === blocked.folder
      ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
      : fs.opendir(folder, options);
  return { ...fs, default: { ...fs, opendir }, opendir };
});

const { folderChanges, folderStamps } = await import('@/lib/content/files');

let dir: string;
const write = (name: string, text = 'x') => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const touch = (file: string, seconds: number) => {
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(file, when, when);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-stamps-'));
  blocked.folder = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('folderStamps and folderChanges', () => {
  it('count only files: a folder, or a link to one, under _authors/ is no profile and no change', async () => {
    write('a.md');
    write('_authors/ada.md');
    mkdirSync(path.join(dir, '_authors', 'photos'));
    symlinkSync(path.join(dir, '_authors', 'photos'), path.join(dir, '_authors', 'link'));
    symlinkSync(path.join(dir, '_authors', 'photos'), path.join(dir, 'folder.md'));
    const stamps = folderStamps(dir);
    expect([...stamps.keys()].map((f) => path.relative(dir, f)).sort()).toEqual(['_authors/ada.md', 'a.md']);
    expect(await folderChanges(dir, stamps)).toEqual(new Map());
  });

  it('name a new, an edited and a deleted file, and nothing else', async () => {
    const kept = write('kept.md');
    const edited = write('sub/edited.md');
    const gone = write('gone.md');
    const stamps = folderStamps(dir);
    touch(write('sub/edited.md', 'longer'), 5);
    rmSync(gone);
    const added = write('deeper/still/new.mdx');
    const changes = await folderChanges(dir, stamps);
    expect(changes.get(gone)).toBeUndefined();
    expect(changes.has(gone)).toBe(true);
    expect(changes.get(edited)).toBe(folderStamps(dir).get(edited));
    expect(changes.get(added)).toBe(folderStamps(dir).get(added));
    expect(changes.has(kept)).toBe(false);
    expect(changes.size).toBe(3);
  });

  it('compare the files of a folder the walk cannot open', async () => {
    const inside = write('locked/inside.md');
    const still = write('locked/still.md');
    const stamps = folderStamps(dir);
    touch(write('locked/inside.md', 'edited text'), 5);
    blocked.folder = path.join(dir, 'locked');
    const changes = await folderChanges(dir, stamps);
    expect([...changes.keys()]).toEqual([inside]);
    expect(changes.get(inside)).toBe(folderStamps(dir).get(inside));
    expect(changes.has(still)).toBe(false);
  });

  it('name every file gone when the folder itself is', async () => {
    const one = write('one.md');
    const two = write('_authors/two.md');
    const stamps = folderStamps(dir);
    rmSync(dir, { recursive: true });
    expect(await folderChanges(dir, stamps)).toEqual(
      new Map([
        [one, undefined],
        [two, undefined],
      ]),
    );
  });
});
