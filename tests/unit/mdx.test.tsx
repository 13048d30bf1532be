import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ArticleBody } from '@/components/ArticleBody';
import { articleFiles, articleSource } from './article-files';
import { unsafeParts } from './safe-html';

const write = articleFiles();

async function render(body: string): Promise<string> {
  const article = { format: 'mdx', file: 'content/x.mdx', filePath: write('x.mdx', articleSource(body)) } as const;
  return renderToStaticMarkup(await ArticleBody({ article }));
}

/** Payloads the README says `.mdx` drops, in the spellings a check of usual names would miss. */
const payloads: Record<string, string> = {
  'a second src on an iframe': '<iframe src="https://player.vimeo.com/video/1" src="https://evil.example/x"></iframe>',
  'srcdoc on an allowed iframe': '<iframe srcdoc="<script>alert(1)</script>" src="https://player.vimeo.com/video/2" />',
  'a foreign iframe': '<iframe src="https://evil.example/frame" />',
  'upper-case HREF': '<a HREF="javascript:alert(1)">x</a>',
  'mixed-case scheme with spaces': '<a href="  JaVaScRiPt:alert(1)">x</a>',
  'xlink:href': '<a xlink:href="javascript:alert(1)">x</a>',
  'xlinkHref in svg': '<svg><a xlinkHref="javascript:alert(1)">x</a></svg>',
  'math href': '<math href="javascript:alert(1)">x</math>',
  formaction: '<button formaction="javascript:alert(1)" formAction="javascript:2">x</button>',
  'an event handler in any case': '<img src="/x.png" onError="alert(1)" ONLOAD="alert(2)" />',
  'an expression attribute': '<a href={"javascript:alert(1)"}>x</a>',
  'a spread attribute': "<a {...{ href: 'javascript:alert(1)' }}>x</a>",
  'a markdown link': '[x](javascript:alert(1)) ![y](javascript:alert(2))',
  'script, style, object, embed':
    '<script>{"alert(1)"}</script><style>{"a{}"}</style><object data="/x" /><embed src="/x" />',
  'base, meta, link':
    '<base href="https://evil.example/" /><meta httpEquiv="refresh" content="0" /><link rel="stylesheet" href="/x" />',
  'a style attribute': '<div style="position:fixed">x</div>',
  'a form': '<form action="https://evil.example/"><input name="q" /><button>Go</button></form>',
  'a component given a script URL': '<Figure src="javascript:alert(1)" alt="x" onError="alert(2)" />',
  'a srcset': '<picture><source srcSet="javascript:alert(1) 1x, data:text/html,x 2x" /><img src="/a.png" /></picture>',
  'data URLs': '<a href="data:text/html,<script>alert(1)</script>">x</a><iframe src="data:text/html,x" />',
};

describe('.mdx bodies are held to the .md allowlist', () => {
  it.each(Object.entries(payloads))('drops %s', async (_, payload) => {
    const html = await render(`SAFE-BEFORE\n\n${payload}\n\nSAFE-AFTER`);
    expect(unsafeParts(html)).toEqual([]);
    expect(html).toContain('SAFE-BEFORE');
    expect(html).toContain('SAFE-AFTER');
  });

  it('keeps the components, their attributes and allowed embeds', async () => {
    const html = await render(
      [
        '<Callout type="tip" title="Heads up">A **bold** tip.</Callout>',
        '<Figure src="/covers/a.svg" alt="A cover" caption="The caption" width="600" height="300" />',
        '<iframe src="https://player.vimeo.com/video/1" title="A talk"></iframe>',
        '<a href="https://example.org/" className="x">a link</a>',
      ].join('\n\n'),
    );
    expect(html).toMatch(/<aside[^>]*border-emerald-600/);
    expect(html).toContain('Heads up');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toMatch(/<figure><img src="\/covers\/a.svg" alt="A cover" width="600" height="300"/);
    expect(html).toContain('<figcaption>The caption</figcaption>');
    expect(html).toMatch(/<iframe src="https:\/\/player.vimeo.com\/video\/1"[^>]*title="A talk"/);
    expect(html).toContain('href="https://example.org/"');
    expect(unsafeParts(html)).toEqual([]);
  });

  it('unwraps unknown components and member names, keeping their text', async () => {
    const html = await render('<Unknown>kept one</Unknown> <foo.bar>kept two</foo.bar> <>kept three</>');
    expect(html).toContain('kept one');
    expect(html).toContain('kept two');
    expect(html).toContain('kept three');
  });

  it('renders any depth, flattening what browsers would not keep', async () => {
    for (const depth of [1_000, 5_000]) {
      const html = await render(`${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`);
      expect(html).toContain('deep text');
      expect(html.split('<div').length).toBeLessThan(300);
    }
  });

  it('shows a body MDX cannot compile as sanitised markdown, and says so in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = await render('An unclosed <div> and a { brace <script>alert(1)</script>');
    expect(html).toContain('An unclosed');
    expect(unsafeParts(html)).toEqual([]);
    expect(log.mock.calls.flat().join(' ')).toMatch(/content\/x\.mdx: body: MDX could not be compiled/);
    log.mockRestore();
  });
});
