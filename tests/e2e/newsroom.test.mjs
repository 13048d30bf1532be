// @ts-check
// What a newsroom expects, built for both hosts from tests/fixtures/newsroom plus an article published
// now: highlighted code with no script, heading anchors and contents, updates and corrections with
// their JSON-LD, moved URLs redirecting on both hosts, the news sitemap, breadcrumbs and a series.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { bothHosts, removeDir, root } from './harness.mjs';

/** @typedef {Awaited<ReturnType<typeof bothHosts>>} Hosts */

const CONTENT_DIR = mkdtempSync(path.join(tmpdir(), 'inkwell-newsroom-'));
cpSync(path.join(root, 'tests/fixtures/newsroom'), CONTENT_DIR, { recursive: true });
const now = new Date().toISOString();
writeFileSync(
  path.join(CONTENT_DIR, 'fresh.md'),
  `---\ntitle: 'Fresh off the press'\ndate: '${now}'\nexcerpt: Published as the test began.\ncategory: Newsroom\n---\nNews.\n`,
);

/** @type {Hosts} */
let hosts;
/** @type {{ name: string, base: string, path: (p: string) => string }[]} */
let both = [];

before(async () => {
  hosts = await bothHosts({ CONTENT_DIR }, 4360);
  both = [
    { name: 'static', base: hosts.staticHost.base, path: (p) => (p.endsWith('/') || /\.\w+$/.test(p) ? p : `${p}/`) },
    { name: 'node', base: hosts.nodeHost.base, path: (p) => p },
  ];
});
after(async () => {
  await hosts?.close();
  removeDir(CONTENT_DIR);
});

/** @param {string} url */
const page = async (url) => {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  // `pre` parsed as markup, not kept as raw text (node-html-parser's default).
  return parse(await response.text(), { blockTextElements: { script: true, style: true } });
};

/** @param {import('node-html-parser').HTMLElement} doc */
const jsonLd = (doc) =>
  doc.querySelectorAll('script[type="application/ld+json"]').flatMap((s) => [JSON.parse(s.textContent)].flat());

describe('a newsroom on both hosts', () => {
  it('highlights code at build time, with classes and no script or style, and leaves unknown languages plain', async () => {
    for (const host of both) {
      const doc = await page(host.base + host.path('/articles/code-in-five-languages'));
      const blocks = doc.querySelectorAll('pre');
      assert.equal(blocks.length, 6, host.name);
      const highlighted = blocks.filter((pre) => pre.classList.contains('hl'));
      assert.deepEqual(
        highlighted.map((pre) => pre.querySelector('code')?.getAttribute('class')),
        ['language-js', 'language-python', 'language-bash', 'language-rust'],
      );
      for (const pre of highlighted) assert.ok(pre.querySelectorAll('span[class*="hl-l-"]').length > 0);
      assert.equal(doc.querySelectorAll('[style]').length, 0);
      const scripts = doc.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      assert.equal(scripts.length, 1, 'the theme script alone');
      assert.match(blocks[4].text, /<\/code><\/pre><script>alert\(1\)<\/script>/);
    }
  });

  it('anchors headings and lists them in a table of contents', async () => {
    for (const host of both) {
      const doc = await page(host.base + host.path('/articles/long-guide'));
      const toc = doc.querySelector('nav.toc');
      assert.ok(toc, host.name);
      const targets = toc.querySelectorAll('a').map((a) => a.getAttribute('href'));
      assert.deepEqual(targets, [
        '#why-corrections-matter',
        '#visible-dated-kept',
        '#how-to-write-one',
        '#where-they-appear',
        '#where-they-appear-2',
      ]);
      for (const target of targets) {
        const heading = doc.querySelector(String(target));
        assert.ok(heading?.querySelector(`a.heading-anchor[href="${target}"]`), String(target));
      }
    }
  });

  it('shows when an article was updated and corrected, newest correction first, with matching JSON-LD', async () => {
    for (const host of both) {
      const doc = await page(host.base + host.path('/articles/long-guide'));
      assert.match(doc.querySelector('article header')?.text ?? '', /Updated\s*October 22, 2026/);
      const box = doc.querySelector('section[aria-labelledby="article-corrections"]');
      assert.deepEqual(
        box?.querySelectorAll('time').map((t) => t.getAttribute('dateTime')),
        ['2026-10-22', '2026-10-05'],
      );
      const article = jsonLd(doc).find((item) => item['@type'] === 'NewsArticle');
      assert.equal(article.dateModified.slice(0, 10), '2026-10-22');
      assert.deepEqual(
        article.correction.map((/** @type {{ text: string }} */ c) => c.text.slice(0, 12)),
        ['We misspelle', 'An earlier v'],
      );
      const modified = doc.querySelector('meta[property="article:modified_time"]')?.getAttribute('content');
      assert.equal(modified?.slice(0, 10), '2026-10-22');
    }
  });

  it('sends every old path of an article to it: 308 on the Node host, a redirect page and _redirects in the export', async () => {
    const aliases = ['/2026/10/01/corrections-guide', '/articles/old-corrections-guide'];
    for (const alias of aliases) {
      for (const spelling of [alias, `${alias}/`]) {
        const response = await fetch(hosts.nodeHost.base + spelling, { redirect: 'manual' });
        assert.equal(response.status, 308, spelling);
        assert.equal(response.headers.get('location'), '/articles/long-guide');
      }
      const doc = await page(`${hosts.staticHost.base}${alias}/`);
      assert.equal(
        doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'),
        '0; url=/articles/long-guide/',
      );
      assert.match(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '', /\/articles\/long-guide\/$/);
    }
    const redirects = await (await fetch(`${hosts.staticHost.base}/_redirects`)).text();
    for (const alias of aliases) assert.ok(redirects.includes(`${alias} /articles/long-guide/ 301\n`), redirects);
    // A browser on the static host follows the page to the article.
    const browserPage = await hosts.browser.newPage();
    await browserPage.goto(`${hosts.staticHost.base}${aliases[0]}/`);
    await browserPage.waitForURL(/\/articles\/long-guide\/$/);
    await browserPage.close();
  });

  it('lists what was just published in a valid Google News sitemap, named in robots.txt', async () => {
    for (const host of both) {
      const xml = await (await fetch(`${host.base}/news-sitemap.xml`)).text();
      assert.match(xml, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
      const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
      assert.deepEqual(urls, [host.path('/articles/fresh')], host.name);
      assert.match(xml, /<news:title>Fresh off the press<\/news:title>/);
      assert.match(xml, /<news:name>Inkwell<\/news:name>/);
      assert.match(await (await fetch(`${host.base}/robots.txt`)).text(), /Sitemap: .*\/news-sitemap\.xml/);
    }
  });

  it('shows breadcrumbs on articles and term pages, with BreadcrumbList JSON-LD', async () => {
    for (const host of both) {
      const doc = await page(host.base + host.path('/articles/long-guide'));
      const crumbs = doc.querySelector('nav[aria-label="Breadcrumb"]');
      assert.deepEqual(
        crumbs?.querySelectorAll('li').map((li) => li.text.trim()),
        ['Home', 'Guides', 'The long guide to corrections'],
      );
      assert.equal(crumbs?.querySelector('[aria-current="page"]')?.text.trim(), 'The long guide to corrections');
      const list = jsonLd(doc).find((item) => item['@type'] === 'BreadcrumbList');
      assert.deepEqual(
        list.itemListElement.map((/** @type {{ name: string }} */ i) => i.name),
        ['Home', 'Guides', 'The long guide to corrections'],
      );
      const tag = await page(host.base + host.path('/tags/code'));
      assert.deepEqual(
        tag.querySelectorAll('nav[aria-label="Breadcrumb"] li').map((li) => li.text.trim()),
        ['Home', 'Tags', 'Code'],
      );
    }
  });

  it('groups a series: a box on every part and a page listing them in order', async () => {
    for (const host of both) {
      const doc = await page(host.base + host.path('/articles/election-part-2'));
      const box = doc.querySelector('nav[aria-label="Series: Counting the Vote"]');
      assert.match(box?.text ?? '', /Part 2 of 3/);
      assert.equal(box?.querySelector('[aria-current="page"]')?.text.trim(), 'Counting the vote, part 2');
      const list = await page(host.base + host.path('/series/counting-the-vote'));
      const titles = list.querySelectorAll('main article h2').map((h) => h.text.trim());
      assert.deepEqual(titles, ['Counting the vote, part 1', 'Counting the vote, part 2', 'Counting the vote, part 3']);
      const sitemap = await (await fetch(`${host.base}/sitemap.xml`)).text();
      assert.match(sitemap, /\/series\/counting-the-vote/);
    }
  });

  it('writes feeds that still carry excerpts by default', async () => {
    for (const host of both)
      assert.doesNotMatch(await (await fetch(`${host.base}/feed.xml`)).text(), /content:encoded/);
  });
});
