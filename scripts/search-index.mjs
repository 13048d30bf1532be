// Builds the search index over the article pages of a build, the only pages with `data-pagefind-body`:
//   node scripts/search-index.mjs <site> [output]   site: out/ or .next/server/pages; output: <site>/pagefind
// Pagefind's Node API rather than its CLI, so that reading stops at the article pages (two in five HTML
// files are lists) and a site with no articles yet still gets an (empty) index for /search.
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = path.resolve(process.argv[2] ?? 'out');
const output = path.resolve(process.argv[3] ?? path.join(site, 'pagefind'));

const { index, errors: createErrors } = await pagefind.createIndex({});
const added = await index.addDirectory({ path: site, glob: 'articles/**/*.html' });
const written = await index.writeFiles({ outputPath: output });
await pagefind.close();

const errors = [...createErrors, ...added.errors, ...written.errors];
if (errors.length > 0) {
  console.error(`search-index: ${errors.join('\n')}`);
  process.exit(1);
}
console.log(`search-index: ${added.page_count} pages indexed into ${path.relative(process.cwd(), output)}`);
