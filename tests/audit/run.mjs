// @ts-check
// `npm run audit`: the quality gates, on the static export of the bundled content plus audit fixtures,
// served with gzip on loopback and read in Debian's Chromium. Prints every figure; exits 1 on a miss.
//   Lighthouse (desktop: 100 in all four categories; mobile: performance >= 95), axe in light and dark
//   (0 violations), console errors (0), every internal reference resolves, a hostile article runs
//   nothing when clicked through, page weight budgets for home, article and tag pages, the W3C Nu
//   checker (0 errors), feedparser (every feed, bozo 0, real enclosure types) and no `localhost`.
//   The pages read include fixtures with highlighted code, anchors and contents, corrections, a series
//   and moved URLs (tests/fixtures/audit/); a check first makes sure they still carry those features.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, waitFor } from '../chromium.mjs';
import { checkLinks } from './links.mjs';
import { jsonFeedProblems, localhostMentions, nuErrors, parseFeeds } from './validators.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = chromiumPath;
// Lighthouse starts Chromium itself through chrome-launcher, which wants the new headless mode.
const FLAGS = ['--headless=new', ...chromiumArgs.filter((f) => f !== '--headless')];
const PORT = 4390;
const base = `http://127.0.0.1:${PORT}`;
const skipLighthouse = process.argv.includes('--no-lighthouse');

const PAGES = {
  home: '/',
  article: '/articles/a-very-long-article/',
  // Highlighted code in six languages, one unknown and one without, inline code, anchors and contents.
  guide: '/articles/a-field-guide-to-code-in-articles/',
  // Updated, with two corrections.
  corrected: '/articles/the-style-desk-on-numbers/',
  'series part': '/articles/migrating-the-archive-part-2/',
  series: '/series/migrating-the-archive/',
  tag: '/tags/publishing/',
  category: '/categories/guides/',
  tags: '/tags/',
  search: '/search/',
};
const HOSTILE = '/articles/hostile-markup/';
/** Redirect pages the export writes at the aliases of tests/fixtures/audit/old-links-keep-working.md. */
const MOVED = ['/2019/04/02/links-that-last/', '/notes/déménagement/'];

/** @type {{ name: string, ok: boolean }[]} */
const results = [];
/**
 * @param {string} name
 * @param {boolean} ok
 */
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function build() {
  const content = path.join(root, '.audit', 'content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  for (const from of ['content', 'tests/fixtures/audit']) {
    for (const f of readdirSync(path.join(root, from))) {
      cpSync(path.join(root, from, f), path.join(content, f), { recursive: true });
    }
  }
  console.log('Building the static export of content/ + tests/fixtures/audit/ …');
  execFileSync('npm', ['run', 'build:static'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, SITE_URL: base },
  });
  return path.join(root, 'out');
}

/** @param {string} out */
async function serve(out) {
  const child = spawn('node', ['scripts/serve-static.mjs', out, String(PORT), '--gzip'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
  });
  await waitFor(base, { child });
  return () => process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
}

async function lighthouseScores() {
  console.log('\nLighthouse (performance / accessibility / best practices / SEO)');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    /** @type {[string, import('lighthouse').Config | undefined][]} */
    const presets = [
      ['desktop', desktopConfig],
      ['mobile', undefined],
    ];
    for (const [preset, config] of presets) {
      for (const [name, pathname] of Object.entries(PAGES)) {
        // Lighthouse returns nothing only in gather-only mode, which these flags do not ask for.
        const { lhr } = /** @type {import('lighthouse').RunnerResult} */ (
          await lighthouse(`${base}${pathname}`, { port: chrome.port, output: 'json', logLevel: 'error' }, config)
        );
        /** @param {string} id */
        const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const s = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
          seo: score('seo'),
        };
        const ok = preset === 'desktop' ? Object.values(s).every((v) => v === 100) : s.performance >= 95;
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id);
        record(
          `lighthouse ${preset} ${name}`,
          ok,
          `${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}${failing.length ? ` (below 1: ${failing.slice(0, 6).join(', ')})` : ''}`,
        );
      }
    }
  } finally {
    await chrome.kill();
  }
}

/** @param {string} out */
async function browserChecks(out) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: FLAGS.filter((f) => f !== '--headless=new'),
  });
  try {
    console.log('\naxe-core and the console, light and dark');
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      for (const [name, pathname] of Object.entries({ ...PAGES, hostile: HOSTILE })) {
        const context = await browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        /** @type {string[]} */
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${base}${pathname}`, { waitUntil: 'networkidle' });
        if (name === 'search') {
          await page.getByLabel('Search articles').fill('publication');
          await page.locator('[data-search-results] li').first().waitFor();
        }
        const axe = await new AxeBuilder({ page }).analyze();
        const violations = axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
        record(`axe ${scheme} ${name}`, violations.length === 0, violations.join('; '));
        // The hostile article's blocked remote resources are meant to fail; its test is that nothing runs.
        if (name !== 'hostile') record(`console ${scheme} ${name}`, errors.length === 0, errors.slice(0, 3).join('; '));
        await context.close();
      }
    }

    console.log('\nHostile article, every element clicked');
    const context = await browser.newContext();
    const page = await context.newPage();
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(`${base}${HOSTILE}`);
    const elements = page.locator('main *');
    const count = await elements.count();
    for (let i = 0; i < count; i++) {
      const target = elements.nth(i);
      if (!(await target.isVisible().catch(() => false))) continue;
      await target.click({ timeout: 500, force: true, noWaitAfter: true }).catch(() => {});
      if (!page.url().startsWith(`${base}${HOSTILE}`)) await page.goto(`${base}${HOSTILE}`);
    }
    // What the hostile article's scripts would set, had any run.
    const pwned = await page.evaluate(() => /** @type {Window & { __pwned?: unknown }} */ (window).__pwned);
    record(
      'hostile article runs nothing',
      dialogs.length === 0 && pwned === undefined,
      `${count} elements clicked, ${dialogs.length} dialogs, __pwned=${pwned}`,
    );
    await context.close();
  } finally {
    await browser.close();
  }

  console.log('\nReferences in every exported page');
  const links = checkLinks(out);
  record(
    'no broken references',
    links.broken.length === 0,
    `${links.references} references in ${links.pages} pages; ${links.broken.slice(0, 5).join('; ')}`,
  );

  console.log('\nPage weight, compressed (budget: JS <= 100 KB, HTML + CSS <= 60 KB)');
  for (const name of /** @type {const} */ (['home', 'article', 'tag'])) {
    const html = readFileSync(path.join(out, PAGES[name], 'index.html'), 'utf8');
    /** @param {import('node:zlib').InputType} text */
    const gz = (text) => gzipSync(text).length;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, a]) => !/ld\+json/.test(a));
    const js = scripts.reduce((sum, [, attrs, body]) => {
      const src = attrs.match(/src="([^"]+)"/)?.[1];
      return sum + (src ? gz(readFileSync(path.join(out, src))) : gz(body));
    }, 0);
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
      (sum, [, href]) => sum + gz(readFileSync(path.join(out, href))),
      0,
    );
    /** @param {number} b */
    const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
    record(
      `budget ${name}`,
      js <= 100 * 1024 && gz(html) + css <= 60 * 1024,
      `JS ${kb(js)}, HTML ${kb(gz(html))} + CSS ${kb(css)}`,
    );
  }
}

/**
 * The fixture pages still show what they are in the audit for, so a change to a fixture or to the
 * site cannot quietly leave a feature out of the pages the gates read.
 * @param {string} out
 */
function fixturePages(out) {
  console.log('\nThe fixture pages carry the features they are audited for');
  /** @param {string} pathname */
  const read = (pathname) => {
    const file = path.join(out, pathname, 'index.html');
    // `pre` parsed as markup (node-html-parser keeps it raw by default).
    return existsSync(file)
      ? parse(readFileSync(file, 'utf8'), { blockTextElements: { script: true, style: true } })
      : undefined;
  };

  const guide = read(PAGES.guide);
  const body = guide?.querySelector('.article-body');
  const highlighted = (body?.querySelectorAll('pre.hl > code') ?? []).map((c) => c.getAttribute('class'));
  const languages = ['ts', 'bash', 'json', 'python', 'css', 'html'];
  const unknown = body?.querySelector('pre > code.language-zzz');
  const headings = body?.querySelectorAll(':is(h2, h3, h4)[id]') ?? [];
  const anchored = headings.filter((h) => h.querySelector(`a.heading-anchor[href="#${h.id}"]`));
  const levels = new Set(anchored.map((h) => h.tagName));
  const contents = body?.querySelectorAll('nav.toc > ol > li') ?? [];
  const blocks = body?.querySelectorAll('pre') ?? [];
  record(
    'fixture guide: code, anchors, contents',
    languages.every((l) => highlighted.includes(`language-${l}`)) &&
      unknown !== null &&
      unknown !== undefined &&
      !unknown.parentNode?.classList.contains('hl') &&
      unknown.querySelectorAll('span').length === 0 &&
      unknown.text.includes('<widgets> & "gadgets"') &&
      (body?.querySelectorAll('p code').length ?? 0) > 0 &&
      anchored.length === headings.length - 1 && // all but the contents' own heading
      ['H2', 'H3', 'H4'].every((level) => levels.has(level)) &&
      contents.length >= 3 &&
      blocks.every((pre) => pre.getAttribute('tabindex') === '0'),
    `${highlighted.length} highlighted blocks, zzz ${unknown ? 'plain' : 'missing'}, ${anchored.length} anchored headings, ${contents.length} contents entries, ${blocks.length} blocks`,
  );

  const corrected = read(PAGES.corrected);
  const corrections = corrected?.querySelectorAll('[aria-labelledby="article-corrections"] li') ?? [];
  record(
    'fixture corrected: updated, two corrections',
    /Updated/.test(corrected?.querySelector('article header')?.text ?? '') && corrections.length === 2,
    `${corrections.length} corrections`,
  );

  const part = read(PAGES['series part']);
  const box = part?.querySelector('nav[aria-label^="Series:"]');
  const series = read(PAGES.series);
  const listed = (series?.querySelectorAll('main a[href^="/articles/migrating-the-archive-part-"]') ?? []).map((a) =>
    a.getAttribute('href'),
  );
  record(
    'fixture series: three parts, the current one marked',
    box?.querySelectorAll('li').length === 3 &&
      box.querySelector('[aria-current="page"]')?.text.includes('part 2') === true &&
      new Set(listed).size === 3,
    `${box?.querySelectorAll('li').length ?? 0} parts in the box, ${new Set(listed).size} on the series page`,
  );

  const moved = MOVED.map((pathname) => read(pathname));
  record(
    'fixture aliases: a redirect page at each',
    moved.every((doc) =>
      /url=\/articles\/old-links-keep-working\/$/.test(
        doc?.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '',
      ),
    ),
    `${moved.filter(Boolean).length} of ${MOVED.length}`,
  );
}

/** @param {string} out */
function validators(out) {
  console.log('\nW3C Nu HTML Checker (errors only)');
  const pages = {
    ...PAGES,
    video: '/articles/an-article-with-a-video/',
    'not found': '404.html',
    ...Object.fromEntries(MOVED.map((pathname) => [`moved ${pathname}`, pathname])),
  };
  for (const [name, pathname] of Object.entries(pages)) {
    if (['category', 'tags'].includes(name)) continue;
    const errors = nuErrors(out, [pathname]);
    record(`nu ${name}`, errors.length === 0, errors.length ? errors.slice(0, 3).join('; ') : '0 errors');
  }

  console.log('\nEvery RSS and Atom feed through feedparser; JSON Feeds against 1.1');
  const feeds = parseFeeds(out);
  const bozo = feeds.filter((f) => f.bozo);
  record(
    'feedparser bozo 0',
    feeds.length > 0 && bozo.length === 0,
    bozo.length ? `${bozo[0].file}: ${bozo[0].exception}` : `${feeds.length} feeds`,
  );
  const types = feeds.flatMap((f) => f.types);
  const badTypes = types.filter((t) => !/^image\/(jpeg|png|gif|webp|avif|svg\+xml)$/.test(t));
  record(
    'enclosure types are image types',
    types.length > 0 && badTypes.length === 0,
    `${types.length} enclosures; ${badTypes.slice(0, 3).join(', ')}`,
  );
  const json = jsonFeedProblems(out);
  record('JSON Feed 1.1 items complete, authors only', json.length === 0, json.slice(0, 3).join('; '));
  const anonymous = feeds.filter((f) => f.entries > 0 && f.authors.some((a) => !a));
  record(
    'every item names its author',
    anonymous.length === 0,
    anonymous
      .map((f) => f.file)
      .slice(0, 3)
      .join(', '),
  );

  console.log('\nThe development origin');
  const mentions = localhostMentions(out);
  record('no localhost in an export with SITE_URL', mentions.length === 0, mentions.slice(0, 5).join(', '));
}

const out = build();
fixturePages(out);
validators(out);
const stop = await serve(out);
try {
  await browserChecks(out);
  if (!skipLighthouse) await lighthouseScores();
} finally {
  stop();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\naudit: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
