// @ts-check
// An author's loop in `npm run dev`, on a content folder outside the project: files added, edited,
// renamed, deleted, broken and fixed, each seen in Chromium on a refresh; and an open tab reloading itself.
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, offlinePage, removeDir, startDev } from './harness.mjs';

const PORT = 4330;
const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-dev-content-'));
/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

/**
 * @param {string} name
 * @param {string} title
 * @param {{ date?: string, tags?: string, aliases?: string }} [fields]
 */
function write(name, title, { date = '2026-11-01', tags = '[Field notes]', aliases = '[]' } = {}) {
  const file = path.join(dir, name);
  const front = `title: "${title}"\ndate: "${date}"\ntags: ${tags}\naliases: ${aliases}`;
  writeFileSync(file, `---\n${front}\n---\nThe body of ${title}.\n`);
  const later = new Date(Date.now() + 2000);
  utimesSync(file, later, later);
}

/**
 * What the reader sees at `pathname` on the first refresh after a save.
 * @param {string} pathname
 */
async function visit(pathname) {
  // Off the last page first: its tab reloads itself once the save is seen, which would race this visit.
  await page.goto('about:blank');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const status = /** @type {import('playwright-core').Response} */ (
    await page.goto(`${server.base}${pathname}`)
  ).status();
  return { status, text: await page.locator('body').innerText() };
}

before(async () => {
  write('first-note.md', 'The first note');
  server = await startDev(PORT, dir);
  browser = await launch();
  page = await offlinePage(browser);
});

after(async () => {
  await browser?.close();
  server?.stop();
  removeDir(dir);
});

describe('npm run dev on a content folder outside the project', () => {
  it('shows a new file on the home page, its tag and its own URL on the first refresh', async () => {
    assert.match((await visit('/')).text, /The first note/);
    write('second-note.md', 'The second note', { date: '2026-11-02' });
    assert.match((await visit('/')).text, /The second note/);
    assert.match((await visit('/tags/field-notes')).text, /The second note/);
    const article = await visit('/articles/second-note');
    assert.equal(article.status, 200);
    assert.match(article.text, /The body of The second note/);
  });

  it('shows an edit, a rename and a deletion on the next refresh', async () => {
    write('second-note.md', 'The second note, revised', { date: '2026-11-02' });
    assert.match((await visit('/articles/second-note')).text, /The second note, revised/);
    assert.match((await visit('/feed.xml')).text, /The second note, revised/);

    renameSync(path.join(dir, 'second-note.md'), path.join(dir, 'renamed-note.md'));
    assert.equal((await visit('/articles/second-note')).status, 404);
    assert.equal((await visit('/articles/renamed-note')).status, 200);

    rmSync(path.join(dir, 'renamed-note.md'));
    assert.equal((await visit('/articles/renamed-note')).status, 404);
    const home = await visit('/');
    assert.doesNotMatch(home.text, /The second note/);
    assert.match(home.text, /The first note/);
  });

  it('names a broken file where it is, keeps the rest up, and clears once fixed', async () => {
    write('broken-note.md', 'A broken note', { date: '2026-13-45' });
    const home = await visit('/');
    assert.match(home.text, /1 content file has problems/);
    assert.match(home.text, /The first note/);
    const broken = await visit('/articles/broken-note');
    assert.match(broken.text, /broken-note\.md has problems/);
    assert.match(broken.text, /date: "2026-13-45" is not a real date \(use YYYY-MM-DD/);

    write('broken-note.md', 'A mended note', { date: '2026-11-03' });
    assert.match((await visit('/articles/broken-note')).text, /The body of A mended note/);
    assert.doesNotMatch((await visit('/')).text, /content file has problems/);
  });

  it('sends an old path (aliases) on to its article with a 308, from the first refresh after the save', async () => {
    const old = '/2025/11/14/old-moved-note/';
    assert.equal((await fetch(`${server.base}${old}`)).status, 404);
    write('moved-note.md', 'The moved note', { aliases: `["${old}", /articles/older-moved-note]` });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Next first takes the final slash off (trailingSlash is false outside an export).
    for (const from of [
      '/2025/11/14/old-moved-note',
      '/2025/11/14/old-moved-note?ref=feed',
      '/articles/older-moved-note',
    ]) {
      const response = await fetch(`${server.base}${from}`, { redirect: 'manual' });
      assert.equal(response.status, 308, from);
      const query = from.includes('?') ? '?ref=feed' : '';
      assert.equal(
        new URL(response.headers.get('location') ?? '', server.base).pathname + query,
        `/articles/moved-note${query}`,
      );
    }
    const landed = await visit(old);
    assert.equal(landed.status, 200);
    assert.match(landed.text, /The body of The moved note/);
    // Off the article first: its tab would reload itself on the deletion, racing the next test's visit.
    await page.goto('about:blank');
    rmSync(path.join(dir, 'moved-note.md'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal((await fetch(`${server.base}${old}`)).status, 404);
  });

  it('reloads an open tab by itself within two seconds of a save, and leaves it alone otherwise', async () => {
    await page.goto(`${server.base}/`);
    await page.locator('h2', { hasText: 'The first note' }).waitFor();
    let loads = 0;
    page.on('load', () => loads++);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(loads, 0, 'no reload while nothing changes');
    const saved = Date.now();
    write('first-note.md', 'The first note, retitled');
    await page.locator('h2', { hasText: 'The first note, retitled' }).waitFor({ timeout: 5000 });
    assert.ok(Date.now() - saved <= 2500, `reloaded after ${Date.now() - saved} ms`);
    // Once, on a loaded machine, the new title showed with no load event counted: never more than one.
    assert.ok(loads <= 1, `${loads} reloads`);
  });
});
