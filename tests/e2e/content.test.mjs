// @ts-check
// Untrusted and unusual content, built for both hosts: hostile markup, unicode terms, pagination, bad files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bothHosts, buildExpectingFailure, buildStatic, offlinePage, removeDir, root } from './harness.mjs';

// Outside the project, as a newsroom's content folder would be.
const CONTENT_DIR = mkdtempSync(path.join(tmpdir(), 'inkwell-content-'));
cpSync(path.join(root, 'tests/fixtures/site'), CONTENT_DIR, { recursive: true });

/**
 * Files an attacker could shape, written here so the fixture folder's counts stay as other tests expect.
 * @param {Record<string, string>} fields
 * @param {string} body
 */
const article = (fields, body) =>
  `---\n${Object.entries({ date: '2020-01-01', tags: '[Hostile]', ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}\n`;
const FEED_BREAKER =
  'Feed ]]></title><link>https://evil.example/</link>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">x</x:script>';
writeFileSync(
  path.join(CONTENT_DIR, 'deep-nesting.md'),
  article({ title: 'Deeply nested' }, `${'<div>'.repeat(3000)}DEEP-TEXT-KEPT${'</div>'.repeat(3000)}`),
);
writeFileSync(
  path.join(CONTENT_DIR, 'feed-breaker.md'),
  article(
    {
      title: JSON.stringify(FEED_BREAKER),
      excerpt: JSON.stringify(`]]>]]><item><title>INJECTED</title></item>\u0001`),
    },
    'Body.',
  ),
);
writeFileSync(
  path.join(CONTENT_DIR, 'hostile-jsx.mdx'),
  article(
    { title: 'Hostile JSX' },
    [
      'JSX-SAFE-1',
      '<iframe src="https://player.vimeo.com/video/1" src="https://evil.example/x"></iframe>',
      '<iframe srcdoc="<script>window.__pwned=1</script>" src="https://player.vimeo.com/video/2" />',
      '<a HREF="javascript:window.__pwned=2">JSX-SAFE-2</a> <a xlink:href="javascript:window.__pwned=3">x</a>',
      '<button formaction="javascript:window.__pwned=4">JSX-SAFE-3</button>',
      '[md](javascript:window.__pwned=5) <Unknown>JSX-SAFE-4</Unknown>',
    ].join('\n\n'),
  ),
);
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').Server} */
let staticHost;
/** @type {import('./harness.mjs').Server} */
let nodeHost;
/** @type {() => Promise<void>} */
let close;

before(async () => {
  ({ browser, staticHost, nodeHost, close } = await bothHosts({ CONTENT_DIR }, 4320));
});

after(async () => {
  await close?.();
  removeDir(CONTENT_DIR);
});

describe('hostile markup', () => {
  it('runs nothing when every element is clicked, and keeps the text', async () => {
    const page = await offlinePage(browser);
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const url = `${staticHost.base}/articles/hostile-markup/`;
    await page.goto(url);

    const body = page.locator('.article-body');
    for (let n = 1; n <= 11; n++) assert.ok(await body.getByText(`SAFE-${n}`).first().isVisible(), `SAFE-${n} shown`);
    assert.equal(await body.locator('script, style, form, input, svg, math, object, embed, base, meta').count(), 0);
    assert.equal(await body.locator('[style], [onclick], [onerror], [onload], [ontoggle], [onmouseover]').count(), 0);
    const frames = body.locator('iframe');
    assert.equal(await frames.count(), 1, 'only the YouTube embed stays');
    assert.match(/** @type {string} */ (await frames.getAttribute('src')), /^https:\/\/www\.youtube\.com\/embed\//);
    assert.equal(await frames.getAttribute('sandbox'), null);
    assert.equal(await frames.getAttribute('loading'), 'lazy');
    for (const href of await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      assert.doesNotMatch(href, /^\s*(javascript|data|vbscript):/i);
    }
    const external = body.getByRole('link', { name: 'external link' });
    assert.equal(await external.getAttribute('rel'), 'nofollow noopener noreferrer');

    // No overlay covers the page: the headline is what sits under its own centre.
    assert.ok(
      await page.locator('h1').evaluate((h1) => {
        const r = h1.getBoundingClientRect();
        return h1.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      }),
    );

    const count = await body.locator('*').count();
    for (let i = 0; i < count; i++) {
      const target = body.locator('*').nth(i);
      if (!(await target.isVisible().catch(() => false))) continue;
      await target.click({ timeout: 1000, force: true, noWaitAfter: true }).catch(() => {});
      if (!page.url().startsWith(url)) await page.goto(url);
    }
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => /** @type {Window & { __pwned?: unknown }} */ (window).__pwned), undefined);
    await page.context().close();
  });
});

describe('hostile MDX', () => {
  it('renders no script, style, form or foreign frame, and runs nothing when clicked', async () => {
    const page = await offlinePage(browser);
    const url = `${staticHost.base}/articles/hostile-mdx/`;
    await page.goto(url);
    const body = page.locator('.article-body');
    for (const n of [1, 2, 4]) assert.ok(await body.getByText(`MDX-SAFE-${n}`).isVisible(), `MDX-SAFE-${n} shown`);
    assert.equal(await body.locator('script, style, form').count(), 0);
    assert.deepEqual(
      await body
        .locator('iframe')
        .evaluateAll((/** @type {HTMLIFrameElement[]} */ fs) => fs.map((f) => [f.src, f.getAttribute('sandbox')])),
      [['https://player.vimeo.com/video/1', null]],
    );
    assert.equal(await body.locator('a[href^="javascript"]').count(), 0);
    for (const link of await body.locator('a, p').all()) {
      await link.click({ timeout: 1000, force: true, noWaitAfter: true }).catch(() => {});
      if (!page.url().startsWith(url)) await page.goto(url);
    }
    assert.equal(await page.evaluate(() => /** @type {Window & { __pwned?: unknown }} */ (window).__pwned), undefined);
    await page.context().close();
  });
});

describe('hostile files that used to break pages and feeds', () => {
  it('renders a body nested 3,000 deep on both hosts, text kept', async () => {
    for (const url of [`${staticHost.base}/articles/deep-nesting/`, `${nodeHost.base}/articles/deep-nesting`]) {
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      assert.match(await response.text(), /DEEP-TEXT-KEPT/);
    }
  });

  it('holds .mdx to the .md allowlist whatever the spelling', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/articles/hostile-jsx/`);
    const body = page.locator('.article-body');
    for (const n of [1, 2, 3, 4]) assert.ok(await body.getByText(`JSX-SAFE-${n}`).isVisible(), `JSX-SAFE-${n}`);
    assert.deepEqual(
      await body.locator('iframe').evaluateAll((/** @type {HTMLIFrameElement[]} */ fs) => fs.map((f) => f.src)),
      ['https://player.vimeo.com/video/1', 'https://player.vimeo.com/video/2'],
    );
    assert.equal(await body.locator('[srcdoc], [formaction], [href^="javascript" i]').count(), 0);
    for (const link of await body.locator('a, button').all()) {
      await link.click({ timeout: 1000, force: true, noWaitAfter: true }).catch(() => {});
    }
    assert.equal(await page.evaluate(() => /** @type {Window & { __pwned?: unknown }} */ (window).__pwned), undefined);
    await page.context().close();
  });

  it('keeps every feed well-formed, with one item per article and no element from a title', async () => {
    const xml = new XMLParser({ ignoreAttributes: false });
    for (const host of [staticHost, nodeHost]) {
      for (const feed of ['/feed.xml', '/atom.xml', '/tags/hostile/feed.xml']) {
        const text = await (await fetch(`${host.base}${feed}`)).text();
        assert.equal(XMLValidator.validate(text), true, feed);
        assert.doesNotMatch(text, /<x:script|<title>INJECTED|<link>https:\/\/evil/, feed);
        const parsed = xml.parse(text);
        const items = [parsed.rss?.channel.item ?? parsed.feed.entry].flat();
        const breaker = items.find((i) => String(i.title?.['#text'] ?? i.title).startsWith('Feed ]]>'));
        assert.ok(breaker, `${feed}: the title comes back as text`);
      }
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-feeds-'));
    writeFileSync(path.join(dir, 'rss.xml'), await (await fetch(`${staticHost.base}/feed.xml`)).text());
    writeFileSync(path.join(dir, 'atom.xml'), await (await fetch(`${staticHost.base}/atom.xml`)).text());
    const script =
      'import feedparser,sys\nfor f in sys.argv[1:]:\n d=feedparser.parse(f)\n print(int(d.bozo), len(d.entries))';
    const out = execFileSync('/usr/bin/python3', ['-c', script, path.join(dir, 'rss.xml'), path.join(dir, 'atom.xml')]);
    for (const line of String(out).trim().split('\n')) assert.match(line, /^0 \d+$/);
    removeDir(dir);
  });

  it('puts the meta Content-Security-Policy before any script of an exported page', async () => {
    const html = await (await fetch(`${staticHost.base}/articles/hostile-markup/`)).text();
    const meta = html.indexOf('<meta http-equiv="Content-Security-Policy"');
    assert.ok(meta > 0 && meta < html.indexOf('<script'), 'the policy comes first');
    const policy = /** @type {RegExpMatchArray} */ (html.slice(meta).match(/content="([^"]*)"/))[1].replaceAll(
      '&#x27;',
      "'",
    );
    assert.match(policy, /^script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'$/);
  });
});

describe('covers', () => {
  it('asks resizing hosts for the size shown, offers 2x, and leaves other hosts alone', async () => {
    const page = await offlinePage(browser);
    /** @param {string} slug */
    const cover = (slug) => page.locator(`article:has(a[href="/articles/${slug}/"]) img`);
    await page.goto(`${staticHost.base}/tags/briefs/page/2/`);
    const unsplash = new URL(/** @type {string} */ (await cover('brief-01').getAttribute('src')));
    assert.deepEqual([unsplash.searchParams.get('w'), unsplash.searchParams.get('h')], ['400', '200']);
    assert.match(
      /** @type {string} */ (await cover('brief-01').getAttribute('srcset')),
      /w=400&h=200[^ ]* 1x, \S*w=800&h=400\S* 2x$/,
    );
    await page.goto(`${staticHost.base}/tags/briefs/`);
    assert.match(
      /** @type {string} */ (await cover('brief-02').getAttribute('src')),
      /\/image\/upload\/c_fill,w_400,h_200\/v1690000000\//,
    );
    assert.equal(await cover('brief-03').getAttribute('src'), 'https://cdn.example.org/media/98765');
    assert.equal(await cover('brief-03').getAttribute('srcset'), null);

    await page.goto(`${staticHost.base}/articles/brief-01/`);
    const og = new URL(/** @type {string} */ (await page.locator('meta[property="og:image"]').getAttribute('content')));
    assert.equal(og.searchParams.get('w'), '1200');
    assert.equal(await page.locator('meta[property="og:image:width"]').getAttribute('content'), '1200');
    assert.match(
      /** @type {string} */ (await page.locator('main article img').first().getAttribute('srcset')),
      /w=768\S* 1x, \S*w=1536\S* 2x$/,
    );
    await page.context().close();
  });
});

describe('unusual content', () => {
  for (const host of ['static', 'node']) {
    it(`gives unicode tags, categories and authors working pages and links (${host} host)`, async () => {
      const base = host === 'static' ? staticHost.base : nodeHost.base;
      const page = await offlinePage(browser);
      await page.goto(`${base}/articles/unicode-terms${host === 'static' ? '/' : ''}`);
      for (const [name, heading] of [
        ['Künstliche Intelligenz', 'Tag: Künstliche Intelligenz'],
        ['机器学习', 'Tag: 机器学习'],
        ['C++', 'Tag: C++'],
        ['Forschung & Entwicklung', 'Category: Forschung & Entwicklung'],
        ['Zoë Lindqvist', 'Zoë Lindqvist'],
      ]) {
        const from = page.url();
        await page.getByRole('link', { name, exact: true }).first().click();
        await page.waitForURL((u) => u.href !== from);
        await page.locator('h1', { hasText: heading }).waitFor();
        assert.ok(await page.getByRole('link', { name: 'Unicode terms get pages too' }).isVisible());
        await page.goBack();
      }
      assert.equal(await page.locator('a[href*="/tags/c"]').count(), 2, 'C and C++ are two tags');
      await page.context().close();
    });
  }

  it('paginates a tag with more articles than a page holds and merges its spellings', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/tags/ai/`);
    assert.equal(await page.locator('h1').innerText(), 'Tag: AI');
    assert.equal(await page.locator('main article').count(), 12);
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL('**/tags/ai/page/2/');
    assert.equal(await page.locator('main article').count(), 1);
    assert.ok(await page.getByText('Page 2 of 2').isVisible());
    await page.context().close();
  });

  it('renders the older front-matter generation with the default author and no empty boxes', async () => {
    const page = await offlinePage(browser);
    await page.goto(`${staticHost.base}/articles/legacy-import/`);
    assert.equal(await page.locator('a[rel="author"]').innerText(), 'Inkwell Editors');
    assert.equal(await page.getByText('Originally published at').count(), 0);
    assert.equal(await page.locator('main img').count(), 0);
    await page.context().close();
  });
});

describe('an empty content folder', () => {
  it('still builds a static site that says there is nothing yet', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'inkwell-empty-'));
    const out = buildStatic({ CONTENT_DIR: empty });
    try {
      assert.match(readFileSync(path.join(out, 'index.html'), 'utf8'), /No articles yet/);
      assert.equal(existsSync(path.join(out, 'articles', '_')), false, 'placeholder routes are removed');
    } finally {
      removeDir(out);
      removeDir(empty);
    }
  });
});

describe('bad files', () => {
  it('fails the build naming every bad file and field, running no code in them', () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'inkwell-broken-'));
    cpSync(path.join(root, 'tests/fixtures/broken'), broken, { recursive: true });
    const marker = path.join(broken, 'ran');
    const payload = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T'), date: '2026-01-01' }`;
    writeFileSync(path.join(broken, 'runs-code.md'), `---js\n${payload}\n---\n`);
    const laughs = ['l0: &l0 [a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(path.join(broken, 'alias-bomb.md'), `---\ntitle: T\n${laughs.join('\n')}\ndate: *l8\n---\n`);
    const { code, output } = buildExpectingFailure('build:static', { CONTENT_DIR: broken });
    assert.equal(existsSync(marker), false, 'the ---js block did not run');
    removeDir(broken);
    assert.notEqual(code, 0);
    for (const line of [
      /runs-code\.md: front-matter: "---js" opens a block in another language/,
      /alias-bomb\.md: front-matter: invalid YAML: Excessive alias count/,
      /broken-yaml\/bad-yaml\.md: front-matter: invalid YAML at line \d+/,
      /missing-title\/no-title\.md: title: is required/,
      /impossible-date\/impossible\.md: date: "2026-13-45" is not a real date/,
      /missing-date\/no-date\.md: date: is required/,
      /tags-not-list\/tags-map\.md: tags: must be a list/,
      /wrong-types\/draft-text\.md: draft: must be true or false/,
      /duplicate-slug\/b\/other\.md: slug: "same-slug" is also the slug of .*duplicate-slug\/a\/same-slug\.md/,
    ]) {
      assert.match(output, line);
    }
  });
});

describe('the two hosts', () => {
  // The Node host prerendered only the three newest articles (bothHosts): these were rendered on demand.
  const onDemand = [
    '/articles/brief-05',
    '/tags/briefs',
    '/tags/briefs/page/2',
    '/authors/brief-desk',
    '/archive/2026/03',
  ];
  /** The export's trailing slashes and Next's hashed file names set aside; nothing else. */
  /** @param {string} html */
  const comparable = (html) =>
    html
      .replace(/\/_next\/static\/[^"']+/g, '/_next/static/…')
      .replace(/((?:https?:\/\/|["'(])[^"'\s()]*?)\/(?=["')])/g, '$1');

  it('serves a page rendered on demand as the page the export prerendered, with the same headers', async () => {
    const prerendered = await fetch(`${nodeHost.base}/articles/hostile-markup`);
    for (const url of onDemand) {
      const node = await fetch(`${nodeHost.base}${url}`);
      assert.equal(node.status, 200, url);
      const exported = await fetch(`${staticHost.base}${url}/`);
      assert.equal(comparable(await node.text()), comparable(await exported.text()), url);
      for (const header of ['content-security-policy', 'x-frame-options', 'permissions-policy', 'cache-control']) {
        assert.equal(node.headers.get(header), prerendered.headers.get(header), `${url}: ${header}`);
      }
    }
  });
});
