// @ts-check
// Checks that every internal reference in an exported site resolves: links, images, scripts,
// stylesheets and icons to files, and every #fragment to an id on its target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { filesUnder } from '../../lib/files.mjs';

/** @param {string} dir */
const htmlFiles = (dir) =>
  filesUnder(dir, { skip: (entry) => entry.directory && ['_next', 'pagefind'].includes(entry.name) }).filter((file) =>
    file.endsWith('.html'),
  );

/**
 * The file a URL path names in the export, as a plain static server would resolve it.
 * @param {string} out
 * @param {string} pathname
 * @returns {string | undefined}
 */
function resolveFile(out, pathname) {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/')
    ? [path.join(out, clean, 'index.html')]
    : [path.join(out, clean), path.join(out, clean, 'index.html'), path.join(out, `${clean}.html`)];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/** @param {string} out */
export function checkLinks(out) {
  const pages = htmlFiles(out);
  /** @type {Map<string, Set<string>>} */
  const ids = new Map();
  /** @param {string} file */
  const idsOf = (file) => {
    if (!ids.has(file)) {
      const doc = parse(readFileSync(file, 'utf8'));
      ids.set(file, new Set(doc.querySelectorAll('[id]').map((e) => e.id)));
    }
    return /** @type {Set<string>} */ (ids.get(file));
  };
  /** @type {string[]} */
  const broken = [];
  let references = 0;
  for (const file of pages) {
    const doc = parse(readFileSync(file, 'utf8'));
    const here = `/${path
      .relative(out, file)
      .replace(/index\.html$/, '')
      .split(path.sep)
      .join('/')}`;
    const refs = [
      ...doc.querySelectorAll('a[href]').map((e) => e.getAttribute('href')),
      ...doc.querySelectorAll('img[src], script[src], iframe[src], source[src]').map((e) => e.getAttribute('src')),
      ...doc.querySelectorAll('link[href]').map((e) => e.getAttribute('href')),
    ];
    for (const ref of refs) {
      if (!ref || /^(https?:|mailto:|data:|tel:)/i.test(ref) || ref.startsWith('//')) continue;
      references++;
      const url = new URL(ref, `http://site${here}`);
      const target = url.pathname === here && ref.startsWith('#') ? file : resolveFile(out, url.pathname);
      if (!target) {
        broken.push(`${path.relative(out, file)}: ${ref} (no file)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push(`${path.relative(out, file)}: ${ref} (no id "${fragment}")`);
      }
    }
  }
  return { pages: pages.length, references, broken };
}
