// Checks a static export against its content folder, as a reader would find it:
//   npx tsx scripts/verify-export.ts [out] [contentDir]
// Every article has a page reachable from the home pagination, its category and each tag; bodies are
// never empty or full of visible tags; no code blocks without fenced code; no leftover entities in any
// title, description or excerpt; term counts equal the articles listed. Prints figures; exits 1 on failures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { articleBody, contentDir, loadContent } from '../lib/content';
import { site } from '../lib/site';
import { plainText } from '../lib/text';

const out = path.resolve(process.argv[2] ?? 'out');
const dir = path.resolve(process.argv[3] ?? contentDir());
const { index, problems } = loadContent(dir);
if (problems.length > 0) throw new Error(`${dir} has ${problems.length} content errors; run npm run content:check`);

const failures = new Map<string, string[]>();
const fail = (check: string, detail: string) => {
  const list = failures.get(check);
  if (list) list.push(detail);
  else failures.set(check, [detail]);
};
let pagesRead = 0;

function read(urlPath: string): HTMLElement | undefined {
  const file = path.join(out, decodeURIComponent(urlPath), 'index.html');
  if (!existsSync(file)) return undefined;
  pagesRead++;
  return parse(readFileSync(file, 'utf8'));
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;
function checkText(check: string, where: string, text: string | undefined) {
  if (text && ENTITY.test(text)) fail(check, `${where}: ${text.slice(0, 100)}`);
}

/** Article slugs linked from every page of a paginated list, following rel=next. */
function listedSlugs(start: string, where: string): string[] {
  const slugs: string[] = [];
  let url: string | undefined = start;
  while (url) {
    const doc = read(url);
    if (!doc) {
      fail('list pages exist', `${where}: ${url}`);
      break;
    }
    for (const card of doc.querySelectorAll('main article')) {
      const link = card.querySelector('h2 a');
      const slug = link?.getAttribute('href')?.match(/^\/articles\/([^/]+)\/$/)?.[1];
      if (slug) slugs.push(decodeURIComponent(slug));
      const excerpt = card.querySelector('p')?.text ?? '';
      if (/<\/?[a-z][^>]*>/i.test(excerpt)) fail('excerpts are plain text', `${url}: ${excerpt.slice(0, 80)}`);
      checkText('no entities in excerpts', url, excerpt);
      if (excerpt.endsWith('…') && /\s…$/.test(excerpt))
        fail('excerpts cut at a word', `${url}: ${excerpt.slice(-40)}`);
    }
    url = doc.querySelector('a[rel="next"]')?.getAttribute('href');
  }
  return slugs;
}

const home = new Set(listedSlugs('/', 'home'));
for (const kind of ['tags', 'categories'] as const) {
  const termIndex = index[kind];
  const indexPage = read(`/${kind}/`);
  const counts = new Map<string, number>();
  for (const link of indexPage?.querySelectorAll('main li a') ?? []) {
    const slug = decodeURIComponent(link.getAttribute('href')?.split('/')[2] ?? '');
    counts.set(slug, Number(link.querySelectorAll('span')[1]?.text.replace(/\D/g, '')));
  }
  for (const term of termIndex.terms) {
    const expected = (termIndex.articles.get(term.slug) ?? []).map((a) => a.slug);
    const listed = listedSlugs(`/${kind}/${encodeURIComponent(term.slug)}/`, `${kind}/${term.slug}`);
    if (counts.get(term.slug) !== listed.length) {
      fail(
        `${kind} counts match lists`,
        `${term.slug}: index says ${counts.get(term.slug)}, pages list ${listed.length}`,
      );
    }
    // A Set: a tag on most articles lists tens of thousands, and includes() on each made this quadratic.
    const shown = new Set(listed);
    const missing = expected.filter((s) => !shown.has(s));
    if (missing.length > 0) fail(`${kind} pages list every article`, `${term.slug}: ${missing.length} missing`);
  }
}

let emptyBodies = 0;
for (const article of index.articles) {
  const where = `/articles/${article.slug}/`;
  if (!home.has(article.slug)) fail('reachable from the home pagination', article.slug);
  const doc = read(where);
  if (!doc) {
    fail('every article has a page', article.file);
    continue;
  }
  const body = doc.querySelector('.article-body');
  const bodyText = body?.text.trim() ?? '';
  const markdown = articleBody(article);
  if (plainText(markdown).length > 0 && bodyText.length === 0) {
    emptyBodies++;
    fail('no empty bodies', article.file);
  }
  if (/<\/?(p|div|span|figure|img|a)\b[^>]*>/i.test(bodyText)) fail('no visible HTML tags', article.file);
  if (!/^\s*(```|~~~)/m.test(markdown) && body?.querySelector('pre, code'))
    fail('no code without fences', article.file);
  checkText('no entities in titles', article.file, doc.querySelector('h1')?.text);
  checkText('no entities in <title>', article.file, doc.querySelector('title')?.text);
  for (const name of ['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']) {
    const meta = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`);
    checkText(`no entities in ${name}`, article.file, meta?.getAttribute('content'));
  }
  const shown = doc.querySelector('article time')?.getAttribute('datetime');
  if (shown !== article.date.day)
    fail('dates are the front-matter day', `${article.file}: ${shown} ≠ ${article.date.day}`);
  const byline = doc.querySelector('a[rel="author"]')?.text;
  if (!byline) fail('every article has an author', article.file);
  if (!article.source && doc.querySelector('main')?.text.includes('Originally published at')) {
    fail('no empty attribution', article.file);
  }
  for (const img of doc.querySelectorAll('main img')) {
    if (!img.getAttribute('src')) fail('no images without src', article.file);
  }
}

const checks = [
  'every article has a page',
  'reachable from the home pagination',
  'tags pages list every article',
  'categories pages list every article',
  'tags counts match lists',
  'categories counts match lists',
  'no empty bodies',
  'no visible HTML tags',
  'no code without fences',
  'no entities in titles',
  'no entities in <title>',
  'no entities in description',
  'no entities in og:title',
  'no entities in og:description',
  'excerpts are plain text',
  'no entities in excerpts',
  'excerpts cut at a word',
  'dates are the front-matter day',
  'every article has an author',
  'no empty attribution',
  'no images without src',
  'list pages exist',
];
console.log(`Verified ${out} against ${dir}`);
console.log(
  `  ${index.articles.length} articles, ${index.tags.terms.length} tags, ${index.categories.terms.length} categories, ${pagesRead} pages read, default author "${site.defaultAuthor}"`,
);
for (const check of [...new Set([...checks, ...failures.keys()])]) {
  const list = failures.get(check) ?? [];
  console.log(
    `  ${list.length === 0 ? 'ok  ' : 'FAIL'} ${check}${list.length ? ` (${list.length}): ${list.slice(0, 3).join('; ')}` : ''}`,
  );
}
console.log(
  `${checks.length - [...failures.keys()].filter((k) => checks.includes(k)).length} passed, ${failures.size} failed`,
);
process.exitCode = failures.size > 0 || emptyBodies > 0 ? 1 : 0;
