// What a reader downloads to search: the bytes of every /pagefind/ response (the manifest, each shard's
// script, WebAssembly, metadata, index chunks and result fragments) for one typed query, in Chromium,
// from the /search page at `base` (a static export served, or the Node host).
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const SEARCH_QUERY = 'model training';

export async function searchDownloads(base: string) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/pagefind/')) return;
      requests++;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${base}/search/`);
    await page.getByLabel('Search articles').fill(SEARCH_QUERY);
    await page.locator('[data-search-results] li').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const results = (await page.locator('[data-search-status]').textContent()) ?? '';
    const older = (await page.locator('[data-search-older]').isVisible())
      ? ((await page.locator('[data-search-older] button').textContent()) ?? '')
      : 'no older shards';
    return { query: SEARCH_QUERY, bytes, requests, results, older };
  } finally {
    await browser.close();
  }
}
