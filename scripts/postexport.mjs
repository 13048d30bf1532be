// @ts-check
// After `next build` with STATIC_EXPORT: removes the placeholder pages that let empty
// dynamic routes export (see orPlaceholder in lib/paginate.ts), so they are not served, and
// writes the security headers as out/_headers for static hosts that read one.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { entriesUnder } from '../lib/files.mjs';
import { headersFile } from '../lib/server/security-headers.mjs';

const out = path.resolve(process.argv[2] ?? 'out');

// A placeholder is a folder named `_`, or `1` under `page`; its folder is not entered, and goes whole.
const isPlaceholder = (/** @type {import('../lib/files.mjs').Entry} */ entry) =>
  entry.directory && (entry.name === '_' || (entry.name === '1' && path.basename(path.dirname(entry.path)) === 'page'));
const placeholders = entriesUnder(out, {
  skip: (entry) => isPlaceholder(entry) || (entry.directory && entry.name === '_next'),
}).filter(isPlaceholder);
for (const entry of placeholders) rmSync(entry.path, { recursive: true, force: true });
const removed = placeholders.length;

writeFileSync(path.join(out, '_headers'), headersFile());
// A Node build leaves its search index in public/, which the export copies; Pagefind writes a fresh one.
rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
console.log(
  `postexport: removed ${removed} placeholder route${removed === 1 ? '' : 's'} from ${path.relative(process.cwd(), out) || '.'}`,
);
