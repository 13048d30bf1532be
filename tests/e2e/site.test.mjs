// The bundled site, built for both hosts and read in Chromium as a reader would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildNode, buildStatic, launch, offlinePage, removeDir, serveStatic, startNext } from './harness.mjs';

const SEED = 'databricks-co-founder-argues-us-must-go-open-source-to-beat-china-in-ai';
let browser;
let staticDir;
let staticHost;
let nodeHost;

before(async () => {
  staticDir = buildStatic();
  buildNode();
  [staticHost, nodeHost, browser] = await Promise.all([serveStatic(staticDir, 4310), startNext(4311), launch()]);
});

after(async () => {
  await browser?.close();
  staticHost?.stop();
  nodeHost?.stop();
  if (staticDir) removeDir(staticDir);
});

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
      await attribution.locator('a').getAttribute('href'),
      /^https:\/\/techcrunch\.com\/2025\/11\/14\/databricks-co-founder/,
    );
    assert.equal(await page.locator('article pre').count(), 0, 'scraper indentation is not code');

    await page.getByRole('link', { name: '#OpenAI' }).click();
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
    const count = Number((await ai.innerText()).match(/(\d+)$/)[1]);
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
    const response = await page.goto(`${staticHost.base}/articles/no-such-article/`);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    assert.equal((await page.goto(`${staticHost.base}/articles/newsletter-launch/`)).status(), 404);
    assert.equal((await page.goto(`${staticHost.base}/page/1/`)).status(), 404);
    await page.context().close();
  });

  it('follows the system colour scheme without a flash and remembers the toggle', async () => {
    const page = await offlinePage(browser, { colorScheme: 'dark' });
    await page.goto(`${staticHost.base}/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), true);
    await page.waitForLoadState('load');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
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

describe('Node host (next start)', () => {
  it('answers 200 for the seed article and 404 for unknown slugs', async () => {
    const ok = await fetch(`${nodeHost.base}/articles/${SEED}`);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Databricks co-founder argues US must go open source to beat China in AI/);
    assert.equal((await fetch(`${nodeHost.base}/articles/no-such-article`)).status, 404);
    assert.equal((await fetch(`${nodeHost.base}/tags/no-such-tag`)).status, 404);
    assert.equal((await fetch(`${nodeHost.base}/page/1`)).status, 404);
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
