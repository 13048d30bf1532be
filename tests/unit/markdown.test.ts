import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

describe('rendering imported markdown bodies', () => {
  it('keeps raw HTML paragraphs, figures and lists as formatted content', () => {
    const html = renderMarkdown(
      '<p class="lead">Hello <strong>world</strong></p>\n<figure><img src="https://x.test/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n<ul><li>one</li></ul>',
    );
    expect(html).toContain('<p>Hello <strong>world</strong></p>');
    expect(html).toMatch(
      /<figure><img src="https:\/\/x\.test\/a\.jpg" alt="A" loading="lazy" decoding="async"><figcaption>Cap<\/figcaption><\/figure>/,
    );
    expect(html).toContain('<li>one</li>');
    expect(html).not.toContain('class=');
  });

  it('reads tab-indented scraper leftovers as text, not code', () => {
    const html = renderMarkdown('Intro.\n\n\t\tConference event\n\t\t\tJoin the waitlist\n\nOutro.');
    expect(html).not.toMatch(/<pre|<code/);
    expect(html).toContain('Conference event');
  });

  it('keeps fenced code and GFM tables', () => {
    const html = renderMarkdown('```js\nlet a = 1;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<pre><code class="language-js">let a = 1;\n</code></pre>');
    expect(html).toContain('<table>');
  });

  it.each([
    ['script tags', 'Text <script>alert(1)</script> after', /<script|alert/],
    [
      'event handlers',
      '<p onclick="alert(1)">Text</p> <img src="https://x.test/a.png" onerror="alert(1)"> after',
      /onclick|onerror|alert/,
    ],
    ['javascript: in HTML links', '<a href="javascript:alert(1)">Text</a> after', /javascript:/i],
    // markdown-it refuses the link and leaves the source as text: no link, nothing to click.
    ['javascript: in markdown links', '[Text](javascript:alert(1)) after', /href="?javascript:/i],
    ['entity-obfuscated javascript:', '<a href="jav&#x09;ascript:alert(1)">Text</a> after', /ascript:|alert/i],
    [
      'forms',
      '<form action="https://evil.test"><input name="q"><button>Text</button></form> after',
      /<form|<button|evil/,
    ],
    ['inline SVG with script', '<svg><script>alert(1)</script><text>svg</text></svg><p>Text</p> after', /<svg|alert/],
    [
      'style attributes and overlays',
      '<div style="position:fixed;inset:0">Text</div><style>body{display:none}</style> after',
      /style|position|display/,
    ],
    ['iframes from other hosts', '<iframe src="https://evil.test/x"></iframe><p>Text</p> after', /iframe|evil/],
    ['data: images', '<img src="data:image/svg+xml;base64,PHN2Zz4="><p>Text</p> after', /data:/],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.test"><p>Text</p> after', /<meta|evil/],
  ])('removes %s and keeps the surrounding text', (_, input, forbidden) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(forbidden);
    expect(html).toContain('Text');
    expect(html).toContain('after');
  });

  it('keeps YouTube and Vimeo embeds, lazy, without a sandbox that could not hold them', () => {
    const html = renderMarkdown(
      '<iframe src="https://www.youtube.com/embed/abc" onload="alert(1)" sandbox="allow-scripts allow-same-origin" allowfullscreen></iframe>',
    );
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube\.com\/embed\/abc"[^>]* loading="lazy"/);
    expect(html).not.toContain('sandbox');
    expect(html).not.toContain('onload');
  });

  it('marks links to other sites noopener noreferrer nofollow, not internal ones', () => {
    const html = renderMarkdown('[out](https://elsewhere.test/) and [in](/articles/x)');
    expect(html).toContain('<a href="https://elsewhere.test/" rel="nofollow noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/articles/x">in</a>');
  });

  it('keeps footnote links pointing at their prefixed targets', () => {
    const html = renderMarkdown('Claim.[^1]\n\n[^1]: Source.');
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids).toContain(href);
  });
});
