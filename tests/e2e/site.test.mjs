// @ts-check
// The bundled site, built for both hosts and read in Chromium as a reader would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bothHosts, offlinePage, removeDir, root, serveStatic } from './harness.mjs';

const SEED = 'databricks-co-founder-argues-us-must-go-open-source-to-beat-china-in-ai';
const SITE_URL = 'https://news.inkwell.test';
const PUBLISHED = readdirSync(path.join(root, 'content'))
  .filter((f) => /\.mdx?$/.test(f) && f !== 'newsletter-launch.md')
  .map((f) => f.replace(/\.mdx?$/, ''));
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').Server} */
let staticHost;
/** @type {string} */
let staticDir;
/** @type {import('./harness.mjs').Server} */
let nodeHost;
/** @type {() => Promise<void>} */
let close;

before(async () => {
  ({ browser, staticHost, nodeHost, close, staticDir } = await bothHosts({ SITE_URL }, 4310));
});

after(() => close?.());

describe('static export on a plain file server', () => {
  it('navigates home → article → tag → category by clicking', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/`);
    assert.match(await page.title(), /Inkwell/);
    assert.ok((await page.locator('main article').count()) >= 9, 'home lists the articles');

    await page.getByRole('link', { name: /Databricks co-founder argues/ }).click();
    await page.waitForURL(`**/articles/${SEED}/`);
    assert.equal(
      await page.locator('h1').innerText(),
      'Databricks co-founder argues US must go open source to beat China in AI',
    );
    assert.equal(await page.locator('article time').first().getAttribute('datetime'), '2025-11-14');
    assert.equal(await page.locator('article time').first().innerText(), 'November 14, 2025');
    const attribution = page.getByText('Originally published at');
    assert.match(await attribution.innerText(), /techcrunch\.com/);
    assert.match(
      /** @type {string} */ (await attribution.locator('a').getAttribute('href')),
      /^https:\/\/techcrunch\.com\/2025\/11\/14\/databricks-co-founder/,
    );
    assert.equal(await page.locator('article pre').count(), 0, 'scraper indentation is not code');

    await page.getByRole('link', { name: 'OpenAI', exact: true }).click();
    await page.waitForURL('**/tags/openai/');
    assert.equal(await page.locator('h1').innerText(), 'Tag: OpenAI');
    assert.ok(await page.getByRole('link', { name: /Databricks co-founder argues/ }).isVisible());

    await page.goto(`${staticHost.base}/articles/${SEED}/`);
    await page.getByRole('link', { name: 'Education', exact: true }).first().click();
    await page.waitForURL('**/categories/education/');
    assert.equal(await page.locator('h1').innerText(), 'Category: Education');
    await page.context().close();
  });

  it('merges the seed tags Ai/Openai into AI and OpenAI with matching counts', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/tags/`);
    const ai = page.getByRole('link', { name: /^AI \d+/ });
    assert.equal(await ai.getAttribute('href'), '/tags/ai/');
    const count = Number(/** @type {RegExpMatchArray} */ ((await ai.innerText()).match(/(\d+)$/))[1]);
    await page.goto(`${staticHost.base}/tags/ai/`);
    assert.equal(await page.locator('main article').count(), count);
    await page.context().close();
  });

  it('renders the MDX components and sanitised raw HTML', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/articles/writing-with-mdx-components/`);
    assert.ok(await page.locator('aside', { hasText: 'Two components' }).isVisible());
    assert.ok(await page.locator('figure figcaption', { hasText: 'A captioned figure' }).isVisible());
    await page.goto(`${staticHost.base}/articles/republishing-news-with-raw-html/`);
    assert.equal(await page.locator('h1').innerText(), 'Republishing news: raw HTML, figures & credit where it’s due');
    assert.equal(await page.locator('.article-body figure img').getAttribute('loading'), 'lazy');
    assert.ok(await page.getByText('Share this article').isVisible(), 'indented leftovers read as text');
    assert.equal(await page.locator('.article-body pre').count(), 0);
    await page.context().close();
  });

  it('serves the not-found page for unknown paths and leaves drafts out', async () => {
    const page = await offlinePage(browser);
    const response = /** @type {import('playwright-core').Response} */ (
      await page.goto(`${staticHost.base}/articles/no-such-article/`)
    );
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    assert.equal(
      /** @type {import('playwright-core').Response} */ (
        await page.goto(`${staticHost.base}/articles/newsletter-launch/`)
      ).status(),
      404,
    );
    assert.equal(
      /** @type {import('playwright-core').Response} */ (await page.goto(`${staticHost.base}/page/1/`)).status(),
      404,
    );
    await page.context().close();
  });

  it('follows the system colour scheme without a flash and remembers the toggle', async () => {
    const page = await offlinePage(browser, { colorScheme: 'dark' });
    await page.goto(`${staticHost.base}/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), true);
    await page.waitForLoadState('load');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), false);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), false, 'choice kept');
    await page.context().close();
  });

  it('shows the same calendar day whatever the reader’s time zone', async () => {
    for (const timezoneId of ['Pacific/Honolulu', 'Asia/Tokyo']) {
      const page = await offlinePage(browser, { timezoneId });
      await page.goto(`${staticHost.base}/articles/keeping-imported-content-safe/`);
      assert.equal(await page.locator('article time').first().innerText(), 'November 3, 2026');
      await page.context().close();
    }
  });
});

describe('Node host (npm start)', () => {
  it('answers 200 for the seed article and 404 for unknown slugs', async () => {
    const ok = await fetch(`${nodeHost.base}/articles/${SEED}`);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Databricks co-founder argues US must go open source to beat China in AI/);
    assert.equal((await fetch(`${nodeHost.base}/articles/no-such-article`)).status, 404);
    assert.equal((await fetch(`${nodeHost.base}/tags/no-such-tag`)).status, 404);
    assert.equal((await fetch(`${nodeHost.base}/page/1`)).status, 404);
  });

  it('sends security headers, HSTS only behind HTTPS', async () => {
    const plain = await fetch(`${nodeHost.base}/articles/${SEED}`);
    const csp = /** @type {string} */ (plain.headers.get('content-security-policy'));
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(plain.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(plain.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.match(/** @type {string} */ (plain.headers.get('permissions-policy')), /camera=\(\)/);
    assert.equal(plain.headers.get('strict-transport-security'), null);
    const secure = await fetch(`${nodeHost.base}/`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(/** @type {string} */ (secure.headers.get('strict-transport-security')), /max-age=\d+/);
  });

  it('runs the theme toggle and search under that policy without a console error', async () => {
    const page = await offlinePage(browser);
    /** @type {string[]} */
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${nodeHost.base}/articles/welcome-to-inkwell`);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), true);
    await page.goto(`${nodeHost.base}/search?q=markdown`);
    await page.locator('main ol li').first().waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('serves the term pages and reads like the static site', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${nodeHost.base}/categories`);
    await page.getByRole('link', { name: /^Guides \d+/ }).click();
    await page.waitForURL('**/categories/guides');
    assert.equal(await page.locator('h1').innerText(), 'Category: Guides');
    await page.locator('main article h2 a').first().click();
    await page.waitForURL('**/articles/**');
    assert.ok((await page.locator('article h1').innerText()).length > 0);
    await page.context().close();
  });
});

const xml = new XMLParser({ ignoreAttributes: false });

/**
 * Waits until the page's query string is exactly `params` (pushState is not a navigation).
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string>} params
 */
async function searchIs(page, params) {
  await page.waitForFunction(
    (expected) => new URLSearchParams(location.search).toString() === new URLSearchParams(expected).toString(),
    params,
  );
}

/**
 * @param {string} base
 * @param {string} pathname
 */
async function get(base, pathname) {
  const response = await fetch(`${base}${pathname}`);
  assert.equal(response.status, 200, pathname);
  return response.text();
}

describe('discovery', () => {
  for (const host of ['static', 'node']) {
    it(`publishes valid RSS, Atom and JSON feeds with absolute links and no drafts (${host} host)`, async () => {
      const base = host === 'static' ? staticHost.base : nodeHost.base;
      const rssText = await get(base, '/feed.xml');
      assert.equal(XMLValidator.validate(rssText), true);
      // What fast-xml-parser reads is untyped; an item has at least a link.
      /** @typedef {{ link: string }} Item */
      const items = xml.parse(rssText).rss.channel.item;
      assert.deepEqual(
        items.map((/** @type {Item} */ i) => i.link.replace(/\/$/, '').split('/').at(-1)).sort(),
        [...PUBLISHED].sort(),
      );
      for (const item of items) assert.ok(item.link.startsWith(`${SITE_URL}/articles/`), item.link);
      const seed = items.find((/** @type {Item} */ i) => i.link.includes(SEED));
      assert.equal(seed.title, 'Databricks co-founder argues US must go open source to beat China in AI');
      assert.deepEqual(
        [seed.category].flat().map((c) => c['#text'] ?? c),
        ['AI', 'OpenAI'],
      );

      const atomText = await get(base, '/atom.xml');
      assert.equal(XMLValidator.validate(atomText), true);
      assert.equal([xml.parse(atomText).feed.entry].flat().length, PUBLISHED.length);
      const json = JSON.parse(await get(base, '/feed.json'));
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(json.items.length, PUBLISHED.length);
      assert.ok(!JSON.stringify(json).includes('newsletter-launch'));

      const tagFeed = xml.parse(await get(base, '/tags/openai/feed.xml')).rss.channel;
      assert.match([tagFeed.item].flat()[0].link, new RegExp(SEED));
      assert.equal([tagFeed.item].flat().length, 1);
    });
  }

  it('lists every article and term page in the sitemap, named by robots.txt', async () => {
    const robots = await get(staticHost.base, '/robots.txt');
    assert.match(robots, new RegExp(`Sitemap: ${SITE_URL}/sitemap.xml`));
    const sitemapText = await get(staticHost.base, '/sitemap.xml');
    assert.equal(XMLValidator.validate(sitemapText), true);
    /** @type {string[]} */
    const locs = xml.parse(sitemapText).urlset.url.map((/** @type {{ loc: string }} */ u) => u.loc);
    for (const slug of PUBLISHED) assert.ok(locs.includes(`${SITE_URL}/articles/${slug}/`), slug);
    for (const page of ['/', '/tags/', '/tags/ai/', '/categories/education/', '/authors/', '/archive/']) {
      assert.ok(locs.includes(`${SITE_URL}${page}`), page);
    }
    assert.ok(!locs.some((l) => l.includes('newsletter-launch')));
  });

  it('gives articles social cards, a canonical link, JSON-LD and links to more reading', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/articles/${SEED}/`);
    /** @param {string} selector */
    const meta = (selector) => page.locator(selector).getAttribute('content');
    assert.equal(
      await meta('meta[property="og:title"]'),
      'Databricks co-founder argues US must go open source to beat China in AI',
    );
    assert.equal(await meta('meta[property="og:type"]'), 'article');
    assert.match(/** @type {string} */ (await meta('meta[property="og:image"]')), /^https:\/\/images\.unsplash\.com\//);
    assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
    // Republished text points search engines at its source.
    assert.match(
      /** @type {string} */ (await page.locator('link[rel="canonical"]').getAttribute('href')),
      /^https:\/\/techcrunch\.com\//,
    );
    /** @type {Record<string, any>[]} */
    const graph = JSON.parse(
      /** @type {string} */ (await page.locator('script[type="application/ld+json"]').textContent()),
    );
    const ld = graph[0];
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(graph[1]['@type'], 'BreadcrumbList');
    assert.equal(ld.datePublished, '2025-11-14T00:00:00.000Z');
    assert.match(ld.isBasedOn, /^https:\/\/techcrunch\.com\//);
    const others = await page
      .locator('aside a[href^="/articles/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
    assert.ok(others.length >= 2, `links to ${others.length} other articles`);

    await page.goto(`${staticHost.base}/articles/welcome-to-inkwell/`);
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute('href'),
      `${SITE_URL}/articles/welcome-to-inkwell/`,
    );
    await page.goto(`${staticHost.base}/tags/ai/`);
    assert.equal(
      await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href'),
      `${SITE_URL}/tags/ai/feed.xml`,
    );
    await page.context().close();
  });

  it('lists every article of an author and archives by month', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/articles/deploying-inkwell/`);
    await page.locator('a[rel="author"]').click();
    await page.locator('h1', { hasText: 'Sam Okafor' }).waitFor();
    assert.equal(await page.locator('main article').count(), 2);
    await page.goto(`${staticHost.base}/authors/ada-winters/`);
    assert.ok(await page.getByText('Ada edits the guides').isVisible(), 'profile bio from _authors/');
    assert.equal(
      await page.getByRole('link', { name: 'Mastodon' }).getAttribute('href'),
      'https://mastodon.example/@ada',
    );
    assert.equal(await page.locator('main article').count(), 3);
    await page.goto(`${staticHost.base}/archive/`);
    await page.getByRole('link', { name: /November 2026/ }).click();
    await page.locator('h1', { hasText: 'November 2026' }).waitFor();
    assert.equal(await page.locator('main article').count(), 8);
    await page.context().close();
  });

  for (const host of ['static', 'node']) {
    it(`finds an article by a phrase from its body as the reader types (${host} host)`, async () => {
      const base = host === 'static' ? staticHost.base : nodeHost.base;
      const page = await offlinePage(browser);
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Search' }).first().click();
      await page.getByLabel('Search articles').pressSequentially('Cerebral Valley', { delay: 20 });
      const hit = page.locator('main ol a', { hasText: 'Databricks co-founder argues' });
      await hit.waitFor();
      assert.match(/** @type {string} */ (await hit.getAttribute('href')), new RegExp(`/articles/${SEED}/?$`));
      assert.match(await page.locator('main ol mark').first().innerText(), /Cerebral|Valley/);
      assert.match(
        await page.locator('main ol li').first().innerText(),
        /Konwinski said onstage at the Cerebral Valley/,
      );
      await page.getByRole('combobox', { name: 'Category' }).selectOption('Guides');
      await page.getByText('0 results').waitFor();
      await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Any' });
      await hit.click();
      await page.locator('h1', { hasText: 'Databricks co-founder argues' }).waitFor();
      await page.context().close();
    });
  }

  for (const host of ['static', 'node']) {
    it(`keeps a filtered search in the URL, restored on load and on back and forward (${host} host)`, async () => {
      const base = host === 'static' ? staticHost.base : nodeHost.base;
      const page = await offlinePage(browser);
      const category = page.getByRole('combobox', { name: 'Category' });
      const tag = page.getByRole('combobox', { name: 'Tag' });
      const titles = () => page.locator('main ol li a').allInnerTexts();
      await page.goto(`${base}/search/?q=markdown&category=Guides&tag=Publishing`);
      await page.getByText(/^\d+ results?/).waitFor();
      assert.equal(await page.getByLabel('Search articles').inputValue(), 'markdown');
      assert.equal(await category.inputValue(), 'Guides');
      assert.equal(await tag.inputValue(), 'Publishing');
      const filtered = await titles();
      assert.ok(filtered.length > 0);

      await tag.selectOption({ label: 'Any' });
      await searchIs(page, { q: 'markdown', category: 'Guides' });
      await page.waitForFunction((n) => document.querySelectorAll('main ol li').length > n, filtered.length);

      await page.goBack();
      await searchIs(page, { q: 'markdown', category: 'Guides', tag: 'Publishing' });
      assert.equal(await tag.inputValue(), 'Publishing');
      await page.waitForFunction((n) => document.querySelectorAll('main ol li').length === n, filtered.length);
      assert.deepEqual(await titles(), filtered);

      const search = page.getByLabel('Search articles');
      await search.fill('open source');
      await page.getByRole('button', { name: 'Search' }).click();
      await searchIs(page, { q: 'open source', category: 'Guides', tag: 'Publishing' });
      await search.fill('mdx');
      await search.press('Enter');
      await searchIs(page, { q: 'mdx', category: 'Guides', tag: 'Publishing' });
      await page.goBack();
      await searchIs(page, { q: 'open source', category: 'Guides', tag: 'Publishing' });
      assert.equal(await search.inputValue(), 'open source');
      await page.context().close();
    });
  }

  it('searches the newest shards of the index first, and older articles when asked', async () => {
    // A copy of the export whose index is cut into shards of two articles, three articles to a search:
    // the seed article, the oldest, is in an older shard. Served afresh, as a host serves an upload.
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-shards-'));
    cpSync(staticDir, dir, { recursive: true });
    const pagefind = path.join(dir, 'pagefind');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/search-index.mts', pagefind, '--shard-articles', '2', '--recent-articles', '3'],
      { cwd: root, stdio: 'pipe' },
    );
    const manifest = JSON.parse(readFileSync(path.join(pagefind, 'shards.json'), 'utf8'));
    assert.ok(manifest.shards.length >= 4, `${manifest.shards.length} shards`);
    /** @type {{ articles: number }[]} */
    const older = manifest.shards.slice(manifest.recent);
    const olderCount = older.reduce((sum, s) => sum + s.articles, 0);
    const host = await serveStatic(dir, 4318);
    try {
      const page = await offlinePage(browser);
      await page.goto(`${host.base}/search/?q=deepseek`);
      const button = page.getByRole('button', { name: /^Also search \d+ older articles/ });
      await button.waitFor();
      assert.match(await button.innerText(), new RegExp(`^Also search ${olderCount} older articles \\(`));
      await page.locator('[data-search-status]', { hasText: '0 results' }).waitFor();

      await button.click();
      const result = page.locator('[data-search-results] li a').first();
      await result.waitFor();
      assert.equal(await result.getAttribute('href'), `/articles/${SEED}/`);
      await searchIs(page, { q: 'deepseek', older: '1' });
      assert.equal(await button.isVisible(), false);

      // The link says so: opened again, it searches the older articles at once.
      await page.reload();
      await page.locator('[data-search-results] li a').first().waitFor();
      assert.equal(await page.locator('[data-search-older]').isVisible(), false);
      await page.context().close();
    } finally {
      host.stop();
      removeDir(dir);
    }
  });

  it('searches as a plain GET form with JavaScript off, and says search needs it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${staticHost.base}/search/`);
    await page.getByLabel('Search articles').fill('open models');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'open models');
    assert.match(await page.locator('main').innerText(), /Search runs in your browser and needs JavaScript/);
    await context.close();
  });
});
