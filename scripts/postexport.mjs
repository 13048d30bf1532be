// @ts-check
// After `next build` with STATIC_EXPORT: removes the placeholder pages that let empty
// dynamic routes export (see orPlaceholder in lib/paginate.ts), so they are not served, and
// writes the security headers as out/_headers for static hosts that read one.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { headersFile } from '../lib/server/security-headers.mjs';

const out = path.resolve(process.argv[2] ?? 'out');
let removed = 0;

/**
 * @param {string} dir
 * @param {string} parentName
 */
function walk(dir, parentName) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '_next') continue;
    const full = path.join(dir, entry.name);
    const placeholder = entry.name === '_' || (entry.name === '1' && parentName === 'page');
    if (placeholder) {
      rmSync(full, { recursive: true, force: true });
      removed++;
    } else {
      walk(full, entry.name);
    }
  }
}

walk(out, '');
writeFileSync(path.join(out, '_headers'), headersFile());
// A Node build leaves its search index in public/, which the export copies; Pagefind writes a fresh one.
rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
console.log(
  `postexport: removed ${removed} placeholder route${removed === 1 ? '' : 's'} from ${path.relative(process.cwd(), out) || '.'}`,
);
