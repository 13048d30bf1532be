// `npm run content:check [dir]`: validates a content folder without building the site.
// Prints errors and editorial warnings with file paths, then a summary; exits 1 only on errors.
// The builds run it first with --errors-only, which also warns about a missing SITE_URL.

import path from 'node:path';
import { bodyFindings } from '../lib/body-warnings';
import { contentDir, formatProblem, type ParseCache, readArticles, readProfiles } from '../lib/content';
import { loadParses, saveParses } from '../lib/content/parse-store';
import { parseInWorkers } from '../lib/content/parse-workers';
import { findWarnings } from '../lib/editorial-warnings';
import { readSettings } from '../lib/settings.mjs';
import { siteUrlWarning } from '../lib/site';

const args = process.argv.slice(2);
const quiet = args.includes('--errors-only');
const dir = args.find((a) => !a.startsWith('--')) ?? contentDir();
const LIST_LIMIT = readSettings().checkListLimit;

async function main() {
  const started = performance.now();
  // The builds' check keeps its parses (lib/content/parse-store.ts): the Node host starts from them.
  // What the cache lacks is parsed in worker threads first (lib/content/parse-workers.ts), so readArticles
  // only indexes; without --errors-only the cache is this run's alone.
  const cache = quiet ? loadParses(path.resolve(dir)) : (new Map() as ParseCache);
  const stamps = await parseInWorkers(dir, cache);
  const { articles, problems: articleProblems, files } = readArticles(dir, cache, stamps);
  if (quiet) await saveParses(path.resolve(dir), cache);
  const problems = [...articleProblems, ...readProfiles(dir).problems];
  const warnings = quiet
    ? []
    : [...findWarnings(articles, new Date().toISOString().slice(0, 10)), ...(await bodyFindings(articles))];
  const seconds = ((performance.now() - started) / 1000).toFixed(2);

  const siteWarning = quiet ? siteUrlWarning() : undefined;
  if (siteWarning) console.warn(`\n${siteWarning}\n`);

  if (problems.length > 0) {
    console.error(`\nErrors (${problems.length}) — these files stop the build:`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
  }

  if (!quiet) {
    const byKind = new Map<string, typeof warnings>();
    for (const w of warnings) {
      const list = byKind.get(w.kind);
      if (list) list.push(w);
      else byKind.set(w.kind, [w]);
    }
    for (const [kind, list] of byKind) {
      console.log(`\nWarning: ${kind} (${list.length})`);
      for (const w of list.slice(0, LIST_LIMIT))
        console.log(`  ${w.files.join(', ')}${w.detail ? `: ${w.detail}` : ''}`);
      if (list.length > LIST_LIMIT)
        console.log(`  … and ${list.length - LIST_LIMIT} more (CHECK_LIST_LIMIT=n shows more)`);
    }
    console.log(`\nChecked ${files} files in ${dir} in ${seconds} s`);
    const rows: [string, number][] = [
      ['errors', problems.length],
      ...[...byKind].map(([k, l]): [string, number] => [k, l.length]),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n  ${'kind'.padEnd(width)}  count`);
    for (const [kind, count] of rows) console.log(`  ${kind.padEnd(width)}  ${String(count).padStart(5)}`);
  }

  process.exitCode = problems.length > 0 ? 1 : 0;
}

main();
