// Heading ids, anchors and the contents list (lib/outline.ts), through the `.md` pipeline as
// lib/markdown.ts runs it (markdown-it, parse5, the sanitiser, hardening) with rehypeOutline after it,
// through `.mdx` as next-mdx-remote runs it, and on trees built here. The output is read back with
// node-html-parser, which shares no code with the pipeline.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Element, ElementContent, Root } from 'hast';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { compileMDX } from 'next-mdx-remote/rsc';
import { type HTMLElement, parse } from 'node-html-parser';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { Callout } from '@/components/Callout';
import { filesUnder } from '@/lib/files.mjs';
import { parseHtmlBounded } from '@/lib/html-tree';
import { rehypeHarden, sanitizeSchema } from '@/lib/markdown';
import { rehypeMdxAllowlist } from '@/lib/mdx-allowlist';
import {
  addOutline,
  MAX_LABEL,
  MAX_SLUG,
  MAX_TOC_ENTRIES,
  PAGE_IDS,
  rehypeOutline,
  TOC_HEADING_ID,
} from '@/lib/outline';
import { readSettings } from '@/lib/settings.mjs';
import { unsafeParts } from './safe-html';

const { fuzzRuns: RUNS, fuzzSeed: SEED } = readSettings();

// lib/markdown.ts's renderer, with the plugin where the pipeline will run it.
const markdown = new MarkdownIt({ html: true, linkify: true }).disable('code').use(footnote);
markdown.linkify.set({ fuzzyLink: false });
const pipeline = unified()
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeHarden)
  .use(rehypeOutline)
  .use(rehypeStringify)
  .freeze();

function render(source: string): { html: string; doc: HTMLElement } {
  const html = pipeline.stringify(pipeline.runSync(parseHtmlBounded(markdown.render(source)).tree));
  return { html, doc: parse(html) };
}

async function renderMdx(source: string): Promise<{ html: string; doc: HTMLElement }> {
  const { content } = await compileMDX({
    source,
    components: { Callout },
    options: { mdxOptions: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeMdxAllowlist, rehypeOutline] } },
  });
  const html = renderToStaticMarkup(content);
  return { html, doc: parse(html) };
}

const headings = (doc: HTMLElement) => doc.querySelectorAll('h2, h3, h4').filter((h) => !h.closest('nav'));
const ids = (doc: HTMLElement) => doc.querySelectorAll('[id]').map((e) => e.id);
const tocLinks = (doc: HTMLElement) => doc.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href'));
const textOf = (h: HTMLElement) =>
  h.childNodes
    .filter((n) => !(n as HTMLElement).classList?.contains('heading-anchor'))
    .map((n) => n.textContent)
    .join('');

/** Every id on the page once, and every fragment link and ARIA reference pointing at one of them. */
function expectSoundReferences(doc: HTMLElement) {
  const all = ids(doc);
  expect(new Set(all).size, `duplicate ids in ${all.join(' ')}`).toBe(all.length);
  const known = new Set(all);
  for (const a of doc.querySelectorAll('a[href^="#"]')) {
    expect(known, a.outerHTML).toContain(decodeURIComponent(a.getAttribute('href')?.slice(1) ?? ''));
  }
  for (const el of doc.querySelectorAll('[aria-labelledby], [aria-describedby]')) {
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      for (const ref of el.getAttribute(attr)?.split(/\s+/).filter(Boolean) ?? []) expect(known, attr).toContain(ref);
    }
  }
  expect(doc.querySelectorAll('a a'), 'a link inside a link').toHaveLength(0);
}

const VALID_ID = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

function expectValidId(id: string) {
  expect(id).toMatch(VALID_ID);
  expect(Array.from(id).length).toBeLessThanOrEqual(MAX_SLUG + 8);
  expect(() => encodeURIComponent(id)).not.toThrow();
}

const h = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const t = (value: string): ElementContent => ({ type: 'text', value });

describe('heading ids', () => {
  it.each([
    ['## Getting started', 'getting-started'],
    ['## Künstliche Intelligenz', 'künstliche-intelligenz'],
    ['## 机器学习入门', '机器学习入门'],
    ['## Привет, мир', 'привет-мир'],
    ['## नमस्ते दुनिया', 'नमस्ते-दुनिया'],
    ['## 🎉 Launch day 🚀', 'launch-day'],
    ['## 🎉🚀', 'section'],
    ['<h2></h2>', 'section'],
    ['## C++ and C#', 'c-plus-plus-and-c-sharp'],
    ['<h2>The <em>new</em> model</h2>', 'the-new-model'],
    ['## The **new** `model`', 'the-new-model'],
    ['<h2>Two<br>lines</h2>', 'two-lines'],
    ['<h2><img src="https://x.test/a.png" alt="Logo"> Release</h2>', 'logo-release'],
    ['## Intro[^1]\n\n[^1]: A note.', 'intro'],
  ])('%s → %s', (source, id) => {
    const { doc } = render(source);
    expect(headings(doc)[0].id).toBe(id);
    expectValidId(id);
  });

  it('are the same on every render', () => {
    const source = '## One\n\n## One\n\n### Two\n\n## Three';
    expect(render(source).html).toBe(render(source).html);
  });

  it('number duplicates and steer around ids that are taken', () => {
    const { doc } = render('## Notes\n\n## Notes\n\n### Notes\n\n## Notes 2\n\n#### Notes');
    expect(headings(doc).map((e) => e.id)).toEqual(['notes', 'notes-2', 'notes-3', 'notes-2-2', 'notes-4']);
    expectSoundReferences(doc);
  });

  it('never take a footnote id, the page’s ids or the contents heading’s', () => {
    const { doc } = render(
      [
        'Text[^1] and again[^1].',
        '## User content fn1',
        '## User content fnref1',
        '## Main',
        '## Toc heading',
        '## Search input',
        '[^1]: A note.',
      ].join('\n\n'),
    );
    const found = headings(doc).map((e) => e.id);
    expect(found).toEqual(['user-content-fn1-2', 'user-content-fnref1-2', 'main-2', 'toc-heading-2', 'search-input-2']);
    for (const id of found) expect(PAGE_IDS).not.toContain(id);
    expect(doc.querySelector(`#${TOC_HEADING_ID}`)?.textContent).toBe('Contents');
    expectSoundReferences(doc);
  });

  it('know every id the pages’ own markup uses', () => {
    const files = ['app', 'components'].flatMap((dir) => filesUnder(dir)).filter((f) => f.endsWith('.tsx'));
    const used = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(used).toContain('main');
    for (const id of used) expect(PAGE_IDS, `${id}: add it to PAGE_IDS in lib/outline.ts`).toContain(id);
  });

  it('replace an id the content gave a heading, and the links and references to it follow', () => {
    const { doc } = render(
      [
        '<ol aria-labelledby="plan"><li><a href="#plan">The plan</a></li><li><a href="#nowhere">Gone</a></li></ol>',
        '<h2 id="plan">The plan</h2>',
        '<p id="plan">A paragraph that reused the id.</p>',
      ].join('\n\n'),
    );
    const heading = headings(doc)[0];
    expect(heading.id).toBe('the-plan');
    expect(doc.querySelector('ol')?.getAttribute('aria-labelledby')).toBe('the-plan');
    expect(doc.querySelector('li a')?.getAttribute('href')).toBe('#the-plan');
    // A link to no id is the content's own; it is not made to point anywhere.
    expect(doc.querySelectorAll('li a')[1].getAttribute('href')).toBe('#nowhere');
    // The paragraph keeps its (prefixed) id: it was not a heading, and it is the only one left with it.
    expect(doc.querySelector('p')?.id).toBe('user-content-plan');
  });

  it('are given to h2–h4 only, and not to headings inside headings', () => {
    const { doc } = render(
      '# Title\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n<h2>Outer <div><h3>inner</h3></div></h2>',
    );
    expect(doc.querySelector('h1')?.id).toBe('');
    expect(doc.querySelector('h5')?.id).toBe('');
    expect(headings(doc).map((e) => e.id)).toEqual(['two', 'three', 'four', 'outer-inner', '']);
  });

  it('are valid, unique and bounded for any heading text, beside any ids already there', () => {
    const heading = fc.record({
      level: fc.constantFrom('h2', 'h3', 'h4'),
      text: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constantFrom(
          '',
          ' ',
          'notes',
          'Notes 2',
          'section',
          'main',
          'toc heading',
          'user-content-fn1',
          '🎉',
          '"><script>',
        ),
      ),
      id: fc.option(fc.constantFrom('notes', 'notes-2', 'section', 'toc-heading', 'user-content-fn1', 'main'), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 40 }), (specs) => {
        const build = (): Root => ({
          type: 'root',
          children: [
            h('p', [t('x')], { id: 'user-content-fn1' }),
            ...specs.map((s) => h(s.level, [t(s.text)], s.id ? { id: s.id } : {})),
          ],
        });
        const tree = build();
        const { sections } = addOutline(tree);
        expect(sections).toHaveLength(specs.length);
        for (const { id } of sections) expectValidId(id);
        const html = unified().use(rehypeStringify).stringify(tree);
        const doc = parse(html);
        expectSoundReferences(doc);
        expect(unsafeParts(html)).toEqual([]);
        // Stable: the same body gets the same ids.
        expect(addOutline(build()).sections).toEqual(sections);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('heading anchors', () => {
  it('end each h2–h4 with a labelled link to it, the # hidden from screen readers', () => {
    const { doc } = render('## The <em>new</em> model\n\n### Details\n\n#### Fine print\n\n##### Not this');
    for (const heading of headings(doc)) {
      const anchor = heading.lastChild as HTMLElement;
      expect(anchor.tagName).toBe('A');
      expect(anchor.classList.contains('heading-anchor')).toBe(true);
      expect(anchor.getAttribute('href')).toBe(`#${heading.id}`);
      expect(anchor.getAttribute('aria-label')).toBe(`Link to this section: ${textOf(heading)}`);
      expect(anchor.innerHTML).toBe('<span aria-hidden="true">#</span>');
      expect(heading.querySelectorAll('.heading-anchor')).toHaveLength(1);
    }
    expect(doc.querySelector('h5 .heading-anchor')?.outerHTML).toBeUndefined();
    expect(doc.querySelector('h2 a')?.getAttribute('aria-label')).toBe('Link to this section: The new model');
  });

  it('sit beside a link in the heading, but never inside a link or a summary', () => {
    const { doc } = render(
      [
        '<h2><a href="https://x.test">link</a> text</h2>',
        // In a paragraph, HTML would move the link into the heading; in a block it stays around it.
        '<div><a href="https://x.test/card"><h2>A card</h2></a></div>',
        '<details><summary><h3>Open me</h3></summary>Body</details>',
      ].join('\n\n'),
    );
    const [withLink, inLink, inSummary] = headings(doc);
    expect(withLink.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['https://x.test', '#link-text']);
    expect(inLink.id).toBe('a-card');
    expect(inLink.closest('a')?.getAttribute('href')).toBe('https://x.test/card');
    expect(inLink.querySelectorAll('a').length).toBe(0);
    expect(inSummary.id).toBe('open-me');
    expect(inSummary.querySelectorAll('a').length).toBe(0);
    expectSoundReferences(doc);
  });

  it('keep hostile text as text, in the label and the contents', () => {
    const { html, doc } = render(
      [
        '## "><script>alert(1)</script> One',
        '## &lt;img src=x onerror=alert(1)&gt;',
        '<h2>"><img src=x onerror=alert(2)>Three</h2>',
        '## ` onmouseover="alert(3)',
      ].join('\n\n'),
    );
    expect(unsafeParts(html)).toEqual([]);
    expect(doc.querySelectorAll('script, [onerror], [onmouseover]').length).toBe(0);
    const labels = doc.querySelectorAll('.heading-anchor').map((a) => a.getAttribute('aria-label'));
    expect(labels).toContain('Link to this section: <img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('nav.toc a').map((a) => a.textContent)).toContain('<img src=x onerror=alert(1)>');
    expectSoundReferences(doc);
  });

  it('leave visually hidden headings alone, so the footnotes label keeps its id (.mdx)', async () => {
    const { doc } = await renderMdx('## One\n\n## Two\n\n## Three\n\nText[^1].\n\n[^1]: A note.');
    const label = doc.querySelector('h2.sr-only');
    expect(label?.id).toBe('user-content-footnote-label');
    expect(label?.querySelector('a')?.outerHTML).toBeUndefined();
    expect(tocLinks(doc)).toEqual(['#one', '#two', '#three']);
    expect(doc.querySelectorAll('.heading-anchor')).toHaveLength(3);
    expectSoundReferences(doc);
  });
});

describe('the contents list', () => {
  it('appears with three h2s or more, not fewer', () => {
    expect(render('## One\n\n## Two\n\n### Sub').doc.querySelector('nav')?.outerHTML).toBeUndefined();
    expect(render('## One\n\n## Two\n\n## Three').doc.querySelector('nav.toc')?.outerHTML).toBeDefined();
  });

  it('lists every h2 with its h3s, as plain text links, before the first h2', () => {
    const { doc } = render(
      [
        'An introduction.',
        '### A lead-in h3',
        '## One',
        '### One a',
        '#### Deep',
        '### One b',
        '## <a href="https://x.test">link</a> text',
        '## Three `code` **bold**',
      ].join('\n\n'),
    );
    const nav = doc.querySelector('nav.toc') as HTMLElement;
    expect(nav.getAttribute('aria-labelledby')).toBe(TOC_HEADING_ID);
    expect(nav.querySelector('h2')?.id).toBe(TOC_HEADING_ID);
    expect(nav.querySelector('h2')?.textContent).toBe('Contents');
    expect(nav.querySelector('h2 .heading-anchor')?.outerHTML).toBeUndefined();
    // After the introduction, before the first h2 (the lead-in h3 is not under any h2).
    expect(nav.previousElementSibling?.tagName).toBe('H3');
    expect(nav.nextElementSibling?.id).toBe('one');
    const top = nav.querySelectorAll(':scope > ol > li');
    expect(top.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual([
      '#one',
      '#link-text',
      '#three-code-bold',
    ]);
    expect(top[0].querySelectorAll('ol a').map((a) => a.getAttribute('href'))).toEqual(['#one-a', '#one-b']);
    // Text only: no element from the content inside the list's links.
    for (const a of nav.querySelectorAll('a')) expect(a.childNodes.every((n) => n.nodeType === 3)).toBe(true);
    expect(top[1].querySelector('a')?.textContent).toBe('link text');
    expect(top[2].querySelector('a')?.textContent).toBe('Three code bold');
    // The heading keeps its content link.
    expect(doc.querySelector('#link-text a')?.getAttribute('href')).toBe('https://x.test');
    expectSoundReferences(doc);
  });

  it('goes before the top-level block that holds the first h2, and carries the heading’s language', () => {
    const { doc } = render('Lead.\n\n<div><h2 lang="de">Eins</h2></div>\n\n## Two\n\n## Three');
    const nav = doc.querySelector('nav.toc') as HTMLElement;
    expect(nav.parentNode).toBe(doc);
    expect(nav.nextElementSibling?.tagName).toBe('DIV');
    expect(nav.querySelector('a')?.getAttribute('lang')).toBe('de');
  });

  it('leaves out h3s past MAX_TOC_ENTRIES entries, then the whole list, but ids stay', () => {
    const sections = (h2s: number, h3s: number) =>
      Array.from({ length: h2s }, (_, i) => [`## S${i}`, ...Array.from({ length: h3s }, (_, j) => `### S${i} ${j}`)])
        .flat()
        .join('\n\n');
    const some = render(sections(60, 1)).doc;
    expect(some.querySelectorAll('nav.toc > ol > li')).toHaveLength(60);
    expect(some.querySelectorAll('nav.toc ol ol')).toHaveLength(0);
    const many = render(sections(MAX_TOC_ENTRIES + 1, 0)).doc;
    expect(many.querySelector('nav')?.outerHTML).toBeUndefined();
    expect(headings(many).every((e) => e.id && e.querySelector('.heading-anchor'))).toBe(true);
  });

  it('is added once, however many times the plugin runs', () => {
    const tree = parseHtmlBounded('<h2>A</h2><h2>B</h2><h2>C</h2>').tree;
    addOutline(tree);
    const once = unified().use(rehypeStringify).stringify(tree);
    expect(addOutline(tree).sections).toEqual([]);
    expect(unified().use(rehypeStringify).stringify(tree)).toBe(once);
  });

  it('works the same on .mdx, components included', async () => {
    const { html, doc } = await renderMdx(
      '## One\n\n<h2 id="x">The <em>new</em> model</h2>\n\n<Callout title="T">\n\n### Inside\n\n</Callout>\n\n## Three\n\n<a href="#x">back</a>',
    );
    expect(headings(doc).map((e) => e.id)).toEqual(['one', 'the-new-model', 'inside', 'three']);
    expect(tocLinks(doc)).toEqual(['#one', '#the-new-model', '#inside', '#three']);
    expect(doc.querySelector('nav.toc')?.getAttribute('aria-labelledby')).toBe(TOC_HEADING_ID);
    expect(doc.querySelector('aside h3 .heading-anchor')?.getAttribute('aria-label')).toBe(
      'Link to this section: Inside',
    );
    expect(
      doc
        .querySelectorAll('a')
        .filter((a) => a.textContent === 'back')[0]
        ?.getAttribute('href'),
    ).toBe('#the-new-model');
    expect(html).toContain('<span aria-hidden="true">#</span>');
    expectSoundReferences(doc);
  });
});

describe('hostile sizes', () => {
  it('cuts a megabyte heading to a bounded id and label', () => {
    const { doc } = render(
      `## ${'word '.repeat(200_000)}\n\n## ${'機'.repeat(1_000_000)}\n\n## ${' '.repeat(1_000_000)}x`,
    );
    const [words, cjk, spaces] = headings(doc);
    expect(words.id).toBe(`word${'-word'.repeat(12)}`);
    expect(Array.from(cjk.id)).toHaveLength(MAX_SLUG);
    expect(spaces.id).toBe('x');
    for (const a of doc.querySelectorAll('.heading-anchor, nav.toc a')) {
      expect((a.getAttribute('aria-label') ?? a.textContent).length).toBeLessThan(MAX_LABEL + 30);
    }
  });

  /** A body of `n` headings built to make a careless implementation quadratic: the same text again and again, and the numbers that come next already taken. */
  function hostile(n: number): Root {
    const children: Element[] = [];
    for (let i = 0; i < n; i++) {
      const text = i % 4 === 0 ? `Notes ${i + 2}` : 'Notes';
      children.push(h(i % 3 === 0 ? 'h3' : 'h2', [t(text), h('em', [t('x')])], { id: `user-content-notes-${i}` }));
      children.push(h('p', [h('a', [t('link')], { href: `#user-content-notes-${i}` })]));
    }
    return { type: 'root', children };
  }

  function fastest(n: number): number {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const tree = hostile(n);
      const started = performance.now();
      addOutline(tree);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  it('takes time linear in the number of headings', { timeout: 60_000 }, () => {
    fastest(5_000);
    const small = fastest(25_000);
    const large = fastest(100_000);
    // Four times the headings: about four times the time when linear, sixteen when quadratic. The
    // bound is wide for a busy machine; a quadratic pass at 100,000 headings also misses the second.
    expect(large / Math.max(small, 1)).toBeLessThan(10);
    expect(large).toBeLessThan(10_000);
    const tree = hostile(100_000);
    const { sections, toc } = addOutline(tree);
    expect(new Set(sections.map((s) => s.id)).size).toBe(100_000);
    expect(toc).toBe(false);
  });
});
