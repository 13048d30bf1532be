// @ts-check
// The step after `next build` (scripts/build.mjs runs it):
//   node scripts/postbuild.mjs <site>
//   site: out/ (static export) or .next/server/app (Node host)
// 1. Every prerendered page becomes a plain HTML document (plainPage in lib/server/next-internals.mjs
//    says why), and a static export loses its RSC files. On the Node host, `npm start` does the same to every
//    page it renders later, so a page is the same whenever it was made.
// 2. In a static export, Next's client JavaScript that no page loads any more is deleted: dead files,
//    and one of them holds a URL parser that names `localhost`.
import { rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { filesUnder } from '../lib/files.mjs';
import { plainPage } from '../lib/server/next-internals.mjs';

const site = path.resolve(process.argv[2] ?? 'out');
let pages = 0;
let saved = 0;
/** @type {Set<string>} */
const referenced = new Set();

/** Every page and RSC file of the site, found first so that the work on them can run in parallel. */
function collect() {
  const files = filesUnder(site, { skip: (entry) => entry.directory && ['_next', 'pagefind'].includes(entry.name) });
  return {
    pagesFound: files.filter((file) => file.endsWith('.html')),
    rscFound: files.filter((file) => /^(index|__next\..*)\.txt$/.test(path.basename(file))),
  };
}

/** @param {string} file */
async function strip(file) {
  const html = await readFile(file, 'utf8');
  const stripped = plainPage(html, { fresh: true });
  if (stripped !== html) await writeFile(file, stripped);
  for (const [, asset] of stripped.matchAll(/["'(](\/_next\/[^"')?#]+)/g)) referenced.add(asset);
  saved += html.length - stripped.length;
  pages++;
}

/**
 * Runs `work` on every item, `width` at a time. A build writes and deletes many small files, and
 * the time goes in waiting on the disk, not in the CPU: many at once overlap the waits.
 * @template T
 * @param {T[]} items
 * @param {number} width
 * @param {(item: T) => Promise<unknown>} work
 */
async function inParallel(items, width, work) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** Deletes the scripts under _next/static that no page references; returns how many. */
function deleteUnusedScripts() {
  const folder = path.join(site, '_next', 'static');
  let scripts = [];
  try {
    scripts = filesUnder(folder).filter((file) => file.endsWith('.js'));
  } catch {
    return 0;
  }
  const url = (/** @type {string} */ file) => `/_next/static/${path.relative(folder, file).split(path.sep).join('/')}`;
  const unused = scripts.filter((file) => !referenced.has(url(file)));
  for (const file of unused) rmSync(file);
  return unused.length;
}

const { pagesFound, rscFound } = collect();
await inParallel(rscFound, 64, (file) => rm(file));
await inParallel(pagesFound, 64, strip);
const unusedScripts = deleteUnusedScripts();
const where = path.relative(process.cwd(), site) || '.';
console.log(
  `postbuild: ${pages} pages in ${where} stripped of ${(saved / 1024 / 1024).toFixed(1)} MB of script, ${rscFound.length} RSC files and ${unusedScripts} unused scripts deleted`,
);
