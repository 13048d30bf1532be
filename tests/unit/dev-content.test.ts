import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentError, forgetLiveContent, getContent, refreshContent } from '@/lib/content';
import { loadParses, storeFile } from '@/lib/content/parse-store';
import { searchRecord } from '@/lib/search';

const env = { ...process.env };
let dir: string;
const write = (name: string, title: string, date = '2026-05-01') => {
  const file = path.join(dir, name);
  writeFileSync(file, `---\ntitle: ${title}\ndate: '${date}'\n---\nBody of ${title}.\n`);
  // A later modification time than any earlier write, whatever the file system's clock resolution.
  const later = new Date(Date.now() + 1000 * Math.random() + 1000);
  utimesSync(file, later, later);
};
/** The next request after the dev loader's look-again window. */
const nextRequest = () => new Promise((resolve) => setTimeout(resolve, 250));
const titles = () => getContent().articles.map((a) => a.title);
const setNodeEnv = (value: string) => Object.assign(process.env, { NODE_ENV: value });

/** What a new `npm run dev` process starts with: no content in memory. */
const restart = () => forgetLiveContent();

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-dev-'));
  process.env.CONTENT_DIR = dir;
});
afterEach(() => {
  vi.useRealTimers();
  restart();
  rmSync(storeFile(dir), { force: true });
  process.env = { ...env };
  rmSync(dir, { recursive: true, force: true });
});

describe('content in npm run dev', () => {
  it('sees files added, edited and deleted on the next request', async () => {
    setNodeEnv('development');
    write('one.md', 'One');
    expect(titles()).toEqual(['One']);
    write('two.md', 'Two', '2026-06-01');
    await nextRequest();
    expect(titles()).toEqual(['Two', 'One']);
    write('one.md', 'One, edited');
    await nextRequest();
    expect(titles()).toEqual(['Two', 'One, edited']);
    rmSync(path.join(dir, 'two.md'));
    await nextRequest();
    expect(titles()).toEqual(['One, edited']);
    expect(getContent().bySlug.has('two')).toBe(false);
  });

  it('keeps serving without a bad file, names it, and takes it back once fixed', async () => {
    setNodeEnv('development');
    write('good.md', 'Good');
    write('bad.md', 'Bad', '2026-13-45');
    expect(titles()).toEqual(['Good']);
    expect(getContent().problems).toEqual([
      expect.objectContaining({ field: 'date', message: expect.stringMatching(/"2026-13-45" is not a real date/) }),
    ]);
    expect(getContent().problems[0].file).toMatch(/bad\.md$/);
    write('bad.md', 'Bad, fixed', '2026-04-01');
    await nextRequest();
    expect(titles()).toEqual(['Good', 'Bad, fixed']);
    expect(getContent().problems).toEqual([]);
  });

  it('starts from the parses of its last run, and reads only the files changed since', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setNodeEnv('development');
    write('kept.md', 'Kept');
    write('changed.md', 'Changed');
    expect(titles()).toEqual(['Changed', 'Kept']);
    expect(existsSync(storeFile(dir))).toBe(false);
    vi.advanceTimersByTime(3000);
    // Written a piece at a time, off the event loop's back.
    await vi.waitFor(() => expect(existsSync(storeFile(dir))).toBe(true));

    // Between runs, kept.md gets new text of the same size and time: only the store remembers the old.
    const kept = path.join(dir, 'kept.md');
    const { atime, mtime } = statSync(kept);
    writeFileSync(kept, `---\ntitle: Kapt\ndate: '2026-05-01'\n---\nBody of Kapt.\n`);
    utimesSync(kept, atime, mtime);
    write('changed.md', 'Changed again');
    write('new.md', 'New', '2026-07-01');
    restart();
    expect(titles()).toEqual(['New', 'Changed again', 'Kept']);
  });

  it('starts from nothing when the stored parses were made by other code', () => {
    setNodeEnv('development');
    write('one.md', 'One');
    const parses = [...loadParses(dir)];
    expect(parses).toEqual([]);
    mkdirSync(path.dirname(storeFile(dir)), { recursive: true });
    writeFileSync(
      storeFile(dir),
      serialize({ key: 'an older loader', cache: new Map([[path.join(dir, 'one.md'), {}]]) }),
    );
    expect(loadParses(dir).size).toBe(0);
    writeFileSync(storeFile(dir), 'not a store');
    expect(loadParses(dir).size).toBe(0);
  });

  it('stays strict in a build: a bad file fails it', () => {
    setNodeEnv('production');
    write('bad.md', 'Bad', '2026-13-45');
    expect(() => getContent()).toThrow(ContentError);
  });
});

describe('content on the Node host (npm start)', () => {
  /** The next render after the server's one-second look-again window. */
  const nextRender = () => new Promise((resolve) => setTimeout(resolve, 1050));

  it('serves what the folder holds, drafts and bad files left out, and logs each bad file once', async () => {
    setNodeEnv('production');
    process.env.INKWELL_LIVE_CONTENT = '1';
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    write('one.md', 'One');
    writeFileSync(path.join(dir, 'draft.md'), "---\ntitle: Draft\ndate: '2026-05-02'\ndraft: true\n---\nx\n");
    expect(titles()).toEqual(['One']);
    write('bad.md', 'Bad', '2026-13-45');
    write('two.md', 'Two', '2026-06-01');
    await nextRender();
    expect(titles()).toEqual(['Two', 'One']);
    write('one.md', 'One, edited');
    await nextRender();
    expect(titles()).toEqual(['Two', 'One, edited']);
    const logged = log.mock.calls.map(([line]) => String(line));
    expect(logged).toEqual([
      expect.stringMatching(/^content: left out: .*bad\.md: date: "2026-13-45" is not a real date/),
    ]);
    log.mockRestore();
  });

  it('says when the folder changed since it last asked, so the server revalidates only then', async () => {
    setNodeEnv('production');
    write('one.md', 'One');
    expect((await refreshContent()).changed).toBe(false);
    write('two.md', 'Two');
    const { changed, index } = await refreshContent();
    expect(changed).toBe(true);
    expect(index.articles).toHaveLength(2);
    expect((await refreshContent()).changed).toBe(false);
    rmSync(path.join(dir, 'two.md'));
    expect((await refreshContent()).changed).toBe(true);
  });

  it('says so too when an article dated in the future falls due, so the feeds take it in', async () => {
    setNodeEnv('production');
    write('scheduled.md', 'Scheduled', '2026-06-01T09:00:00Z');
    expect((await refreshContent(new Date('2026-06-01T08:00:00Z'))).changed).toBe(false);
    expect((await refreshContent(new Date('2026-06-01T08:30:00Z'))).changed).toBe(false);
    expect((await refreshContent(new Date('2026-06-01T09:00:01Z'))).changed).toBe(true);
    expect((await refreshContent(new Date('2026-06-01T09:30:00Z'))).changed).toBe(false);
  });
});

describe('the search record of an article', () => {
  it('is made from the content: its URL, text, date, category and tag facets', async () => {
    setNodeEnv('production');
    writeFileSync(
      path.join(dir, 'story.md'),
      '---\ntitle: "Robots &amp; rivers"\ndate: 2026-05-01\nexcerpt: "Short."\ncategory: News\ntags: [AI, Robotics]\n---\n<p>Raw <b>HTML</b> para.</p>\n\n## A heading\n\nText with a [link](https://example.com).\n',
    );
    const [article] = (await refreshContent()).index.articles;
    expect(searchRecord(article)).toEqual({
      url: '/articles/story',
      content: 'Robots & rivers\nShort.\nRaw HTML para. A heading Text with a link.',
      language: 'en',
      meta: { title: 'Robots & rivers', date: '2026-05-01' },
      filters: { category: ['News'], tag: ['AI', 'Robotics'] },
    });
  });
});
