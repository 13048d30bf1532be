// Makes every prerendered page a plain HTML document. Pages have no interactive React component (the
// theme toggle is a few lines of inline script), so Next's client runtime is dead weight: this removes
// it and the inline React Server Components payload (~135 KB of compressed JavaScript and about half
// of each page's HTML), and in a static export the RSC files (`*.txt`). No App Router option leaves
// them out, so this is the one step that changes Next's output after the fact.
//   node scripts/strip-runtime.mjs <dir>...  dirs: out/ (static export), or .next/server/app (Node host)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dirs = (process.argv.length > 2 ? process.argv.slice(2) : ['out']).map((dir) => path.resolve(dir));

const RUNTIME_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const RUNTIME_LINK =
  /<link\b[^>]*\brel="(preload|modulepreload)"[^>]*\bas="(script|style)"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;

export function stripRuntime(html) {
  return html
    .replace(RUNTIME_SCRIPT, (tag, attributes, body) => {
      if (/\bsrc="\/_next\//.test(attributes)) return '';
      if (/\bid="(_R_|__NEXT_DATA__)"/.test(attributes)) return '';
      if (!attributes.trim() && /^\(?(self\.__next_f|\(globalThis\["TURBOPACK"\])/.test(body)) return '';
      return tag;
    })
    .replace(RUNTIME_LINK, '')
    .replace('<div hidden=""><!--$--><!--/$--></div>', '');
}

let pages = 0;
let saved = 0;
let removedFiles = 0;
function walk(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== 'pagefind') walk(full);
    } else if (entry.name.endsWith('.html')) {
      const html = readFileSync(full, 'utf8');
      const stripped = stripRuntime(html);
      saved += html.length - stripped.length;
      pages++;
      if (stripped !== html) writeFileSync(full, stripped);
    } else if (/^(index|__next\..*)\.txt$/.test(entry.name)) {
      rmSync(full);
      removedFiles++;
    }
  }
}
for (const dir of dirs) walk(dir);
console.log(
  `strip-runtime: ${pages} pages, ${(saved / 1024 / 1024).toFixed(1)} MB of script removed, ${removedFiles} RSC files deleted in ${dirs.map((dir) => path.relative(process.cwd(), dir) || '.').join(', ')}`,
);
