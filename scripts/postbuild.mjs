// The one step that changes Next's output after the fact, and the search index built from it:
//   node scripts/postbuild.mjs <site> [index]   site: out/ (static export) or .next/server/app (Node host);
//                                                 index: where Pagefind writes (default <site>/pagefind)
// 1. Every prerendered page becomes a plain HTML document (scripts/strip-runtime.mjs says why), and a
//    static export loses its RSC files.
// 2. Article pages, the only ones with `data-pagefind-body`, go to Pagefind's Node API as they are
//    stripped. One file is in flight at a time: at 12,240 real articles that kept the indexer at
//    1.75 GB where reading the folder took it to 2.0 GB. While Pagefind's process indexes one page,
//    this one strips the next, so on two cores the two steps cost about what indexing alone does.
//    A site with no articles yet still gets an (empty) index for /search.
// 3. In a static export, Next's client JavaScript that no page loads any more is deleted: dead files,
//    and one of them holds a URL parser that names `localhost`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { stripRuntime } from './strip-runtime.mjs';

const site = path.resolve(process.argv[2] ?? 'out');
const output = path.resolve(process.argv[3] ?? path.join(site, 'pagefind'));
const articles = path.join(site, 'articles') + path.sep;

let pages = 0;
let saved = 0;
let removed = 0;
let indexed = 0;
const referenced = new Set();
const { index, errors } = await pagefind.createIndex({});
let inFlight = Promise.resolve();

async function walk(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== 'pagefind') await walk(full);
    } else if (entry.name.endsWith('.html')) {
      const html = readFileSync(full, 'utf8');
      const stripped = stripRuntime(html);
      if (stripped !== html) writeFileSync(full, stripped);
      for (const [, asset] of stripped.matchAll(/["'(](\/_next\/[^"')?#]+)/g)) referenced.add(asset);
      saved += html.length - stripped.length;
      pages++;
      if (full.startsWith(articles)) {
        await inFlight;
        indexed++;
        inFlight = index
          .addHTMLFile({ sourcePath: path.relative(site, full), content: stripped })
          .then((added) => errors.push(...added.errors));
      }
    } else if (/^(index|__next\..*)\.txt$/.test(entry.name)) {
      rmSync(full);
      removed++;
    }
  }
}

/** Deletes the scripts under _next/static that no page references; returns how many. */
function deleteUnusedScripts() {
  let deleted = 0;
  const sweep = (folder, prefix) => {
    let entries = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const url = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) sweep(full, url);
      else if (entry.name.endsWith('.js') && !referenced.has(url)) {
        rmSync(full);
        deleted++;
      }
    }
  };
  sweep(path.join(site, '_next', 'static'), '/_next/static');
  return deleted;
}

await walk(site);
const unusedScripts = deleteUnusedScripts();
await inFlight;
const written = await index.writeFiles({ outputPath: output });
errors.push(...written.errors);
await pagefind.close();

if (errors.length > 0) {
  console.error(`postbuild: ${errors.join('\n')}`);
  process.exit(1);
}
const where = path.relative(process.cwd(), site) || '.';
console.log(
  `postbuild: ${pages} pages in ${where} stripped of ${(saved / 1024 / 1024).toFixed(1)} MB of script, ${removed} RSC files and ${unusedScripts} unused scripts deleted; ${indexed} articles indexed into ${path.relative(process.cwd(), output)}`,
);
