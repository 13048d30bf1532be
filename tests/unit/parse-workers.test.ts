// The content check's parse in worker threads (lib/content/parse-workers.ts) says what the single-threaded
// read says of a folder, file for file and in the same order, and a worker that fails loses no file.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, type ParseCache, readArticles } from '@/lib/content';
import { fileStamp } from '@/lib/content/files';
import { parseInWorkers, workersFor } from '@/lib/content/parse-workers';

let dir: string;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: '2026-01-01'\n${extra}---\nBody of ${title}.\n`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-workers-'));
  for (let i = 0; i < 12; i++)
    write(`good-${String(i).padStart(2, '0')}.md`, article(`Good ${i}`, `tags: [tag ${i % 3}]\n`));
  write('nested/deeper/story.mdx', article('Nested'));
  write('bad-yaml.md', '---\ntitle: [unclosed\ndate: nope\n---\nBody\n');
  write('bad-fields.md', '---\ntitle: 3\ndate: yesterday\n---\nBody\n');
  write('no-front-matter.md', 'Just a body.\n');
  write('huge.md', `---\ntitle: Huge\ndate: '2026-01-01'\n---\n${'x'.repeat(MAX_FILE_BYTES)}`);
  // Unreadable: a link to a folder is listed as a file and fails when read; a mode of 0 fails unless run as root.
  mkdirSync(path.join(dir, '_elsewhere'));
  symlinkSync(path.join(dir, '_elsewhere'), path.join(dir, 'a-folder.md'));
  chmodSync(write('locked.md', article('Locked')), 0);
  write('same-1.md', article('Same one', 'slug: shared\n'));
  write('same-2.md', article('Same two', 'slug: shared\n'));
  write('same-3.md', article('Same three', 'slug: SHARED\n'));
  write('aliased.md', article('Aliased', "aliases: ['/articles/good-00']\n"));
  write('throws-here.md', article('Thrower'));
  write('exits-here.md', article('Exiter'));
  write('_authors/someone.md', '---\nname: Someone\n---\nA bio.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

/** The folder read through the workers: the parses put into a cache, then readArticles over it. */
async function throughWorkers(options: Parameters<typeof parseInWorkers>[2], cache: ParseCache = new Map()) {
  const stamps = await parseInWorkers(dir, cache, options);
  const byWorkers = cache.size;
  return { read: readArticles(dir, cache, stamps), stamps, cache, byWorkers };
}

describe('parsing in worker threads', () => {
  it('gives the single-threaded read: the same articles, problems and order', async () => {
    const alone = readArticles(dir);
    expect(alone.problems.map((p) => path.basename(p.file))).toEqual(
      expect.arrayContaining(['a-folder.md', 'bad-fields.md', 'bad-yaml.md', 'huge.md', 'same-2.md', 'same-3.md']),
    );
    expect(alone.problems.some((p) => p.field === 'aliases')).toBe(true);
    for (const chunk of [1, 3, 256]) {
      const { read, stamps, cache } = await throughWorkers({ workers: 2, chunk });
      expect(read).toStrictEqual(alone);
      expect(JSON.stringify(read)).toBe(JSON.stringify(alone));
      // Every file parsed by a worker, with its stamp; readArticles then had nothing to list or parse.
      expect(stamps && [...stamps.keys()]).toEqual([...cache.keys()]);
      expect(cache.size).toBe(alone.files);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('parses only what the cache does not hold at the file’s stamp', async () => {
    const kept = path.join(dir, 'good-01.md');
    const stale = path.join(dir, 'good-02.md');
    const mark = { problems: [{ file: 'kept', field: 'x', message: 'from the cache' }] };
    const cache: ParseCache = new Map([
      [kept, { stamp: fileStamp(kept), result: mark }],
      [stale, { stamp: 'older', result: mark }],
    ]);
    const { stamps } = await throughWorkers({ workers: 2, chunk: 2 }, cache);
    expect(cache.get(kept)?.result).toBe(mark);
    expect(cache.get(stale)?.result.article?.title).toBe('Good 2');
    expect(stamps?.get(stale)).toBe(fileStamp(stale));
  });

  it('loses no file when a worker throws, exits or never starts', async () => {
    const alone = readArticles(dir);
    const failing = new URL('./failing-parse-worker.ts', import.meta.url);
    for (const [options, gave] of [
      [{ workers: 2, chunk: 2, worker: failing }, 'some'],
      [{ workers: 1, chunk: 1, worker: failing }, 'some'],
      [{ workers: 2, worker: new URL('./no-such-worker.ts', import.meta.url) }, 'none'],
    ] as const) {
      warn.mockClear();
      const { read, stamps, cache, byWorkers } = await throughWorkers(options);
      expect(read).toStrictEqual(alone);
      expect(stamps).toBeUndefined();
      if (gave === 'some') expect(byWorkers).toBeGreaterThan(0);
      expect(byWorkers).toBeLessThan(alone.files);
      // What the workers lost was parsed by readArticles in this thread, into the same cache.
      expect(cache.size).toBe(alone.files);
      expect(warn).toHaveBeenCalledTimes(1);
    }
  });

  it('starts no worker for a few thousand files, and one per core for many', () => {
    expect(workersFor(300, 2)).toBe(0);
    expect(workersFor(9000, 2)).toBe(0);
    expect(workersFor(10_000, 2)).toBe(2);
    expect(workersFor(100_000, 1)).toBe(0);
    expect(workersFor(100_000, 2)).toBe(2);
    expect(workersFor(100_000, 8)).toBe(8);
    expect(workersFor(20_000, 8)).toBe(4);
  });
});
