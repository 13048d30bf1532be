// Writes app/highlight.css, the rules for every class lib/highlight.ts gives code tokens:
//   npx tsx scripts/highlight-css.ts [--check]
// Run it after changing the themes or their colour fixes there; tests/unit/highlight.test.ts fails
// while the committed file differs. --check only compares, and exits 1 if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { highlightCss } from '../lib/highlight';

const HIGHLIGHT_CSS_FILE = path.join(__dirname, '..', 'app', 'highlight.css');

const css = highlightCss();
if (process.argv.includes('--check')) {
  const current = readFileSync(HIGHLIGHT_CSS_FILE, 'utf8');
  if (current !== css) {
    console.error(`${path.relative(process.cwd(), HIGHLIGHT_CSS_FILE)} is stale: run npx tsx scripts/highlight-css.ts`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), HIGHLIGHT_CSS_FILE)} is up to date`);
} else {
  writeFileSync(HIGHLIGHT_CSS_FILE, css);
  console.log(`wrote ${path.relative(process.cwd(), HIGHLIGHT_CSS_FILE)} (${css.length} bytes)`);
}
