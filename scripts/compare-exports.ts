// `npm run compare:exports -- <before> <after>`: compares two static exports page by page, for a change
// that should leave what readers get alone (a refactor, a dependency upgrade). Hashed asset names
// (`/_next/static/…`) and the build ID are masked; Next's own files and the search index are compared
// by count and size only, since their names are hashes. Prints what differs; exits 1 when a page does.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../lib/files.mjs';

/** Files whose names are hashes of their contents or of the build. */
const OPAQUE = /^(_next|pagefind)(\/|$)/;
const TEXT = /\.(html|xml|json|txt|webmanifest|css|js|svg|_headers)$|(^|\/)_headers$|(^|\/)_redirects$/;

/** A page with what differs between two builds of the same site masked. */
function masked(text: string): string {
  return text
    .replace(/\/_next\/static\/[^"'()\s<>]+/g, '/_next/static/…')
    .replace(/"buildId":"[^"]*"/g, '"buildId":"…"');
}

function inventory(dir: string) {
  const pages = new Map<string, string>();
  const opaque = { files: 0, bytes: 0 };
  for (const file of filesUnder(dir)) {
    const name = path.relative(dir, file).split(path.sep).join('/');
    if (OPAQUE.test(name)) {
      opaque.files++;
      opaque.bytes += statSync(file).size;
    } else pages.set(name, file);
  }
  return { pages, opaque };
}

/** The first line that differs, shortened, for the report. */
function firstDifference(a: string, b: string): string {
  const [linesA, linesB] = [a.split('\n'), b.split('\n')];
  const i = linesA.findIndex((line, n) => line !== linesB[n]);
  const at = i === -1 ? linesA.length : i;
  const [lineA, lineB] = [linesA[at] ?? '', linesB[at] ?? ''];
  let c = 0;
  while (c < lineA.length && lineA[c] === lineB[c]) c++;
  const cut = (line: string) => JSON.stringify(line.slice(Math.max(0, c - 60), c + 100));
  return `line ${at + 1}, column ${c + 1}:\n      before ${cut(lineA)}\n      after  ${cut(lineB)}`;
}

function main(): number {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: npm run compare:exports -- <before> <after>');
    return 2;
  }
  const a = inventory(path.resolve(before));
  const b = inventory(path.resolve(after));
  const only = (x: Map<string, string>, y: Map<string, string>) => [...x.keys()].filter((k) => !y.has(k));
  const [gone, added] = [only(a.pages, b.pages), only(b.pages, a.pages)];
  const changed: string[] = [];
  let same = 0;
  for (const [name, fileA] of a.pages) {
    const fileB = b.pages.get(name);
    if (!fileB) continue;
    const [bytesA, bytesB] = [readFileSync(fileA), readFileSync(fileB)];
    if (bytesA.equals(bytesB)) same++;
    else if (TEXT.test(name) && masked(bytesA.toString('utf8')) === masked(bytesB.toString('utf8'))) same++;
    else
      changed.push(
        `${name}: ${TEXT.test(name) ? firstDifference(bytesA.toString(), bytesB.toString()) : 'bytes differ'}`,
      );
  }
  console.log(`${a.pages.size} files before, ${b.pages.size} after: ${same} the same (hashed asset names masked)`);
  console.log(
    `_next/ and pagefind/: ${a.opaque.files} files, ${a.opaque.bytes} bytes before; ${b.opaque.files} files, ${b.opaque.bytes} bytes after`,
  );
  const list = (title: string, names: string[]) => {
    if (names.length === 0) return;
    console.log(`${title} (${names.length}):`);
    for (const name of names.slice(0, 50)) console.log(`  ${name}`);
    if (names.length > 50) console.log(`  … and ${names.length - 50} more`);
  };
  list('only before', gone);
  list('only after', added);
  list('differ', changed);
  return gone.length + added.length + changed.length === 0 ? 0 : 1;
}

process.exitCode = main();
