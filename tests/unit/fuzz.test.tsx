// Property-based: folders of articles made from hostile fragments, through the loader, both body
// renderers and the feed writers. A fixed seed in CI; FUZZ_RUNS=2000 FUZZ_SEED=<n> npm run test:unit
// -- fuzz runs it longer, or with another seed, by hand.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArticleBody } from '@/components/ArticleBody';
import { ContentError, getContent, loadContent } from '@/lib/content';
import { type FeedFormat, renderFeed } from '@/lib/feeds';
import { renderArticleBody } from '@/lib/markdown';
import { readSettings } from '@/lib/settings.mjs';
import { absoluteUrl, urls } from '@/lib/urls';
import { articleFiles, articleSource } from './article-files';
import { unsafeParts } from './safe-html';

const { fuzzRuns: RUNS, fuzzSeed: SEED } = readSettings();
/** Far above what any document takes; a super-linear path on these sizes would pass it. */
const MS_PER_DOCUMENT = 2000;

const fragments = [
  // markup that runs script or frames pages
  '<script>alert(1)</script>',
  '<script',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example/">',
  '<iframe src=https://player.vimeo.com/video/1 srcdoc="<b>">',
  '<a href="javascript:alert(1)">',
  '<a href="  jav&#x09;ascript:alert(1)">',
  '<a HREF="JAVASCRIPT:x">',
  '<form action=x><button formaction="javascript:1">',
  '<math><a xlink:href="javascript:1">',
  '<base href=//evil>',
  '<meta http-equiv=refresh content="0;url=//evil">',
  '<object data=x>',
  '<style>*{}</style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '</title>',
  '<item>',
  '</item>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">',
  // nesting and runs
  '<div>'.repeat(300),
  '</div>',
  '<b id=a>',
  '<table>',
  '<p',
  '<',
  '>',
  '![',
  '[',
  '](',
  '…',
  '...',
  '*a',
  '_a',
  '> '.repeat(50),
  '- '.repeat(50),
  '`',
  '```',
  '~~~',
  '{',
  '}',
  '{1+1}',
  '<Callout type="x" title="t">',
  '</Callout>',
  '<Figure src="javascript:1" alt="a" />',
  '<Unknown>',
  '<>',
  '</>',
  // text that breaks formats
  '&amp;',
  '&#8217;',
  '&#x0;',
  '&',
  '"',
  "'",
  '\u0000',
  '\u0001',
  '\u001f',
  '\uFFFE',
  '\uD800',
  '\u2028',
  '\r\n',
  '\t',
  '\n---\n',
  '---js',
  ': ',
  '- ',
  '*alias',
  '&anchor',
  '!!js/function',
  '%zz',
  '%2e%2e/',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20, unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** A field as YAML: usually a quoted string (so the article loads and its text reaches the outputs), sometimes raw. */
const yamlValue = fc.oneof(
  { weight: 4, arbitrary: hostileText.map((t) => JSON.stringify(t)) },
  { weight: 1, arbitrary: hostileText },
);

const articleFile = fc.record({
  opening: fc.constantFrom('---', '---', '---', '---js', '--- yaml', '\uFEFF---'),
  title: yamlValue,
  excerpt: yamlValue,
  author: yamlValue,
  tags: fc.array(yamlValue, { maxLength: 3 }),
  date: fc.constantFrom("'2026-01-02'", '2026-01-03T10:00:00Z', "'2026-13-45'", '*a'),
  extra: fc.constantFrom(
    '',
    'x: &a [1, 2]\n',
    'source: "javascript:alert(1)"\n',
    'coverImage: "//cdn.example.org/a.jpg"\n',
  ),
  body: hostileText,
  format: fc.constantFrom('md', 'md', 'mdx'),
});

type GeneratedFile = typeof articleFile extends fc.Arbitrary<infer T> ? T : never;

function source(f: GeneratedFile): string {
  return [
    f.opening,
    `title: ${f.title}`,
    `excerpt: ${f.excerpt}`,
    `author: ${f.author}`,
    `tags: [${f.tags.join(', ')}]`,
    `date: ${f.date}`,
    `${f.extra}---`,
    f.body,
  ].join('\n');
}

const dirs: string[] = [];
const writeBody = articleFiles();
// MDX that does not compile is logged, and most of these bodies do not.
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function writeFolder(files: GeneratedFile[]): { dir: string; names: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-fuzz-'));
  dirs.push(dir);
  const names = files.map((f, i) => `file-${i}.${f.format}`);
  for (const [i, f] of files.entries()) writeFileSync(path.join(dir, names[i]), source(f));
  return { dir, names };
}

const elementNames = (xml: string) => new Set([...xml.matchAll(/<([A-Za-z_][\w:.-]*)/g)].map((m) => m[1]));

/** Elements and item links of a feed the writer made from well-behaved content: the reference. */
const reference = (() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, '../fixtures/site');
  const articles = getContent().articles;
  delete process.env.CONTENT_DIR;
  const names = (format: FeedFormat) =>
    elementNames(renderFeed({ title: 'T', description: 'D', page: '/', articles }, format));
  return { rss: names('rss'), atom: names('atom') };
})();

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(MS_PER_DOCUMENT);
  return result;
}

describe('hostile folders', () => {
  it('the loader reports bad files by name and never throws anything else', () => {
    fc.assert(
      fc.property(fc.array(articleFile, { minLength: 1, maxLength: 4 }), (files) => {
        const { dir, names } = writeFolder(files);
        const { index, problems } = timed(() => loadContent(dir));
        for (const p of problems) {
          expect(names).toContain(path.basename(p.file));
          expect(p.message.length).toBeLessThan(400);
        }
        expect(index.articles.length + new Set(problems.map((p) => p.file)).size).toBe(files.length);
        // A build refuses with ContentError, which names every file.
        if (problems.length > 0) expect(new ContentError(problems).message).toContain(path.basename(problems[0].file));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('bodies render without script, handlers, javascript: URLs or foreign frames, on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (a, b) => {
        const body = `${a}\n\n${b}`;
        expect(timed(() => unsafeParts(renderArticleBody(body)))).toEqual([]);
        const filePath = writeBody('fuzz.mdx', articleSource(body));
        const started = performance.now();
        const mdx = { format: 'mdx', file: 'content/fuzz.mdx', filePath } as const;
        const html = renderToStaticMarkup(await ArticleBody({ article: mdx }));
        expect(performance.now() - started).toBeLessThan(MS_PER_DOCUMENT);
        expect(unsafeParts(html)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('feeds stay well-formed, with the same items and links and no element the writer did not make', () => {
    fc.assert(
      fc.property(fc.array(articleFile, { minLength: 1, maxLength: 4 }), (files) => {
        const { dir } = writeFolder(files);
        const { articles } = loadContent(dir).index;
        const links = articles.map((a) => absoluteUrl(urls.article(a.slug)));
        const spec = { title: 'T', description: 'D', page: '/', articles };
        for (const format of ['rss', 'atom'] as const) {
          const xml = timed(() => renderFeed(spec, format));
          expect(XMLValidator.validate(xml)).toBe(true);
          for (const name of elementNames(xml)) expect(reference[format]).toContain(name);
          const found = [...xml.matchAll(format === 'rss' ? /<link>([^<]*)<\/link>/g : /<id>([^<]*)<\/id>/g)]
            .map((m) => m[1])
            .slice(1);
          expect(found).toEqual(links);
        }
        const json = JSON.parse(renderFeed(spec, 'json'));
        expect(json.items.map((i: { url: string }) => i.url)).toEqual(links);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
