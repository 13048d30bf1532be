// Builds the search index over the article pages of a build, the only pages with `data-pagefind-body`:
//   node scripts/search-index.mjs <site> [output]   site: out/ or .next/server/app; output: <site>/pagefind
// Pagefind's Node API rather than its CLI: reading stops at the article pages (two in five HTML files
// are lists); files go in one at a time, which at 12,240 real articles kept the indexer at 1.75 GB
// where reading the folder, or four files at a time, took it to 2.0 GB (and saved only ~2-6 s); and a
// site with no articles yet still gets an (empty) index for /search.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = path.resolve(process.argv[2] ?? 'out');
const output = path.resolve(process.argv[3] ?? path.join(site, 'pagefind'));

function htmlFiles(dir, found = []) {
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(full, found);
    else if (entry.name.endsWith('.html')) found.push(full);
  }
  return found;
}

const articles = htmlFiles(path.join(site, 'articles'));
const { index, errors } = await pagefind.createIndex({});
for (const file of articles) {
  const added = await index.addHTMLFile({ sourcePath: path.relative(site, file), content: readFileSync(file, 'utf8') });
  errors.push(...added.errors);
}
const written = await index.writeFiles({ outputPath: output });
errors.push(...written.errors);
await pagefind.close();

if (errors.length > 0) {
  console.error(`search-index: ${errors.join('\n')}`);
  process.exit(1);
}
console.log(`search-index: ${articles.length} pages indexed into ${path.relative(process.cwd(), output)}`);
