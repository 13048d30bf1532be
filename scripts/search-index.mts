// `npm run search:index [folder]`: writes the Pagefind index of every published article, from the
// content folder rather than from rendered pages (lib/search.ts). The builds run it beside `next build` (scripts/build.mjs);
// on a running Node host, run it alone to catch search up with new content: `npm start` serves
// /pagefind/ from the folder as it is, so no restart is needed. Default folder: public/pagefind.
import path from 'node:path';
import * as pagefind from 'pagefind';
import { contentDir, formatProblem, loadContent } from '../lib/content';
import { searchRecord } from '../lib/search';

async function main() {
  const output = path.resolve(process.argv[2] ?? 'public/pagefind');
  const started = performance.now();
  const { index: content, problems } = loadContent(contentDir());
  for (const p of problems) console.warn(`search:index: left out: ${formatProblem(p)}`);

  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search:index: Pagefind did not start: ${errors.join('; ')}`);
  // Pagefind indexes in its own process; a few records in flight keep it busy without queueing them all.
  const IN_FLIGHT = 64;
  for (let i = 0; i < content.articles.length; i += IN_FLIGHT) {
    const batch = content.articles.slice(i, i + IN_FLIGHT);
    const added = await Promise.all(batch.map((article) => index.addCustomRecord(searchRecord(article))));
    for (const result of added) errors.push(...result.errors);
  }
  const written = await index.writeFiles({ outputPath: output });
  errors.push(...written.errors);
  await pagefind.close();

  if (errors.length > 0) {
    console.error(`search:index: ${errors.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `search:index: ${content.articles.length} articles indexed into ${path.relative(process.cwd(), output)} in ${seconds} s`,
  );
}

main();
