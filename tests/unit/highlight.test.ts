// lib/highlight.ts: code blocks highlighted with classes only, the text exactly as it came, hostile
// code kept as text, the limits, the lazy highlighter, the stylesheet and the colours' contrast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import MarkdownIt from 'markdown-it';
import { parse } from 'node-html-parser';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { createHighlighterCoreSync } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import javascript from 'shiki/langs/javascript.mjs';
import python from 'shiki/langs/python.mjs';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import {
  blockCost,
  CODE_BACKGROUNDS,
  contrast,
  highlightCss,
  highlighterCreationCount,
  highlighterLoaded,
  highlightTree,
  LANGUAGES,
  LIMITS,
  MIN_CONTRAST,
  palette,
  readable,
  rehypeHighlight,
  type Scheme,
  THEMES,
} from '@/lib/highlight';
import { parseHtmlBounded } from '@/lib/html-tree';
import { sanitizeSchema } from '@/lib/markdown';
import { readSettings } from '@/lib/settings.mjs';
import { unsafeParts } from './safe-html';

const { fuzzRuns: RUNS, fuzzSeed: SEED } = readSettings();

/** `<pre><code class="language-x">text</code></pre>` as markdown-it and remark-rehype both make it. */
function block(text: string, language?: string): Element {
  return {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: language === undefined ? {} : { className: [`language-${language}`] },
        children: [{ type: 'text', value: text }],
      },
    ],
  };
}
const root = (...children: RootContent[]): Root => ({ type: 'root', children });

/** Every element of a tree, iteratively. */
function elements(node: Root | ElementContent): Element[] {
  const found: Element[] = [];
  const stack: (Root | ElementContent)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Root | ElementContent;
    if (n.type === 'element') found.push(n);
    if ('children' in n) stack.push(...(n.children as ElementContent[]));
  }
  return found;
}

function text(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => text(c as ElementContent)).join('') : '';
}

/** HTML read back by another parser, with `<pre>` parsed (node-html-parser keeps it raw by default). */
const readHtml = (html: string) => parse(html, { blockTextElements: { script: true, style: true } });

const classesOf = (el: Element) => (el.properties.className as string[] | undefined) ?? [];

const stringifier = unified().use(rehypeStringify).freeze();
const toHtml = (tree: Root) => stringifier.stringify(tree);

/** The markdown body pipeline the owner wires: markdown-it, parse5, the sanitiser, then this plugin. */
const md = new MarkdownIt({ html: true });
const pipeline = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeHighlight).use(rehypeStringify).freeze();
function render(source: string): { tree: Root; html: string } {
  const tree = pipeline.runSync(parseHtmlBounded(md.render(source)).tree) as Root;
  return { tree, html: pipeline.stringify(tree) };
}

describe('the highlighter is created lazily', () => {
  it('is not created for a body without code, nor for code in unknown or no language', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/highlight');
    const tree = parseHtmlBounded(
      md.render('# Title\n\nText with `inline code`.\n\n```\nplain\n```\n\n```nope\nx\n```\n'),
    ).tree;
    unified().use(rehypeSanitize, sanitizeSchema).use(fresh.rehypeHighlight).runSync(tree);
    expect(fresh.highlighterLoaded()).toBe(false);
    expect(fresh.highlighterCreationCount()).toBe(0);
    // The first known language creates it, once.
    fresh.highlightTree(root(block('x = 1\n', 'python')));
    fresh.highlightTree(root(block('let y = 2;\n', 'js')));
    expect(fresh.highlighterLoaded()).toBe(true);
    expect(fresh.highlighterCreationCount()).toBe(1);
  });

  it('reports on the shared module too', () => {
    highlightTree(root(block('1\n', 'js')));
    expect(highlighterLoaded()).toBe(true);
    expect(highlighterCreationCount()).toBe(1);
  });
});

describe('rehypeHighlight', () => {
  it('gives a js and a python block token classes, with no style attribute anywhere', () => {
    const { tree, html } = render(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, as text.
      '```js\nconst answer = 42; // the answer\nfunction f(a) { return `${a}!`; }\n```\n\n' +
        '```python\ndef greet(name):\n    """Say hello."""\n    return f"hello {name}"  # comment\n```\n',
    );
    const pres = elements(tree).filter((el) => el.tagName === 'pre');
    expect(pres).toHaveLength(2);
    for (const pre of pres) {
      expect(classesOf(pre)).toContain('hl');
      const spans = elements(pre).filter((el) => el.tagName === 'span');
      expect(spans.length).toBeGreaterThan(5);
      for (const span of spans) expect(classesOf(span).every((c) => /^hl-/.test(c))).toBe(true);
    }
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('<code class="language-python">');
    expect(html).toContain('<span class="hl-l-cf222e hl-d-ff7b72">const </span>');
    expect(html).toMatch(/<span class="hl-l-[0-9a-f]{6} hl-d-[0-9a-f]{6}"># comment/);
    expect(html).not.toMatch(/style=/i);
    for (const el of elements(tree)) expect(el.properties).not.toHaveProperty('style');
    expect(unsafeParts(html)).toEqual([]);
  });

  it('keeps the text of every block exactly, entities and all', () => {
    const source = '```html\n<a href="x?a=1&amp;b=2">&lt;tag&gt; &copy;</a>\n```\n';
    const plain = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze();
    const before = plain.runSync(parseHtmlBounded(md.render(source)).tree) as Root;
    const { tree, html } = render(source);
    expect(text(tree)).toBe(text(before));
    // The same characters once the browser has read the markup.
    const read = (markup: string) => readHtml(markup).querySelector('code')?.text;
    expect(read(html)).toBe('<a href="x?a=1&amp;b=2">&lt;tag&gt; &copy;</a>\n');
    expect(read(html)).toBe(read(plain.stringify(before)));
  });

  it('leaves code in an unknown or no language exactly as it came', () => {
    for (const language of [undefined, 'nope', 'text', 'language-js', '', 'constructor', '__proto__']) {
      const input = root(block('const x = "<b>";\n\tif (a) {}\n', language));
      const copy = structuredClone(input);
      expect(highlightTree(input)).toBe(0);
      expect(input).toEqual(copy);
      expect(toHtml(input)).toBe(toHtml(copy));
    }
  });

  it('reads the language from the first language- class, in any case, with its aliases', () => {
    for (const language of ['JS', 'Python', 'c++', 'c#', 'yml', 'sh', 'zsh', 'dockerfile', 'rs', 'md', 'kt']) {
      const tree = root(block('a = "b" # c\n', language));
      expect(highlightTree(tree), language).toBe(1);
      const code = (tree.children[0] as Element).children[0] as Element;
      expect(classesOf(code)).toEqual([`language-${language}`]);
    }
  });

  it('leaves blocks alone whose structure is not a bare pre > code with text', () => {
    const withMarkup: Element = block('', 'js');
    (withMarkup.children[0] as Element).children = [
      { type: 'text', value: 'let ' },
      { type: 'element', tagName: 'b', properties: {}, children: [{ type: 'text', value: 'x' }] },
    ];
    const twoChildren: Element = block('let x;', 'js');
    twoChildren.children.push({ type: 'text', value: '\n' });
    const bareCode = block('let x;', 'js').children[0] as Element;
    for (const node of [withMarkup, twoChildren, bareCode]) {
      const tree = root({ type: 'element', tagName: 'div', properties: {}, children: [node] });
      const copy = structuredClone(tree);
      expect(highlightTree(tree)).toBe(0);
      expect(tree).toEqual(copy);
    }
  });

  it('makes every block reachable from the keyboard, highlighted or not, whatever tabindex content gave', () => {
    const { tree, html } = render(
      '```js\nlet x = 1;\n```\n\n```zzz\nplain\n```\n\n```\nnone\n```\n\n<pre tabindex="-1">raw</pre>\n\nSome `inline code`.\n',
    );
    const pres = elements(tree).filter((el) => el.tagName === 'pre');
    expect(pres).toHaveLength(4);
    for (const pre of pres) expect(pre.properties.tabIndex).toBe(0);
    expect(html.match(/<pre[^>]*>/g)).toEqual([
      '<pre class="hl" tabindex="0">',
      '<pre tabindex="0">',
      '<pre tabindex="0">',
      '<pre tabindex="0">',
    ]);
    // Only blocks: inline code does not scroll.
    expect(html).toContain('<code>inline code</code>');
  });

  it('keeps hostile code text as text', () => {
    const hostile = [
      '</code></pre><script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '<style>*{color:red}</style><a href="javascript:alert(1)" style="x">',
      ']]><!-- --><![CDATA[',
    ].join('\n');
    for (const language of ['js', 'html', 'xml', 'markdown', 'php', 'bash']) {
      const { tree, html } = render(`\`\`\`${language}\n${hostile}\n\`\`\`\n`);
      expect(elements(tree).map((el) => el.tagName)).toEqual(
        expect.not.arrayContaining(['script', 'img', 'style', 'a']),
      );
      for (const el of elements(tree)) expect(['pre', 'code', 'span']).toContain(el.tagName);
      expect(classesOf(elements(tree).find((el) => el.tagName === 'pre') as Element)).toEqual(['hl']);
      const code = elements(tree).find((el) => el.tagName === 'code') as Element;
      expect(text(code)).toBe(`${hostile}\n`);
      expect(unsafeParts(html)).toEqual([]);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      // Read back by another parser: one pre, the text unchanged.
      const doc = readHtml(html);
      expect(doc.querySelectorAll('script, img, style, a')).toHaveLength(0);
      expect(doc.querySelector('code')?.text).toBe(`${hostile}\n`);
    }
  });

  it('makes only pre, code and span elements with only classes, the text unchanged (property)', () => {
    const languages = Object.keys(LANGUAGES);
    const pieces = [
      ...['(', ')', '{', '}', '[', ']', '<', '>', '"', "'", '`', '\\', '/', '*', '#', '$', '@', '%'],
      ...['\n', '\r\n', '\r', '\t', ' ', '  ', '\u2028', '\u0000', '\ud800', '\u{1f600}', 'é', '&amp;', '<!--'],
      ...['function', 'def', 'class', 'SELECT', 'fn', '---', '```', '<?php', '${', '#{', '"""', '/*', '*/', '//'],
    ];
    const code = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 120 })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(code, fc.constantFrom(...languages), (value, language) => {
        const tree = root(block(value, language));
        highlightTree(tree);
        for (const el of elements(tree)) {
          expect(['pre', 'code', 'span']).toContain(el.tagName);
          expect(Object.keys(el.properties).every((key) => key === 'className')).toBe(true);
          expect(classesOf(el).every((c) => typeof c === 'string' && !/[\s"'<>]/.test(c))).toBe(true);
        }
        expect(text(tree)).toBe(value);
        expect(toHtml(tree)).not.toMatch(/\sstyle=/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('the time net', () => {
  it('is not met by ordinary code in a cold process: compiling the grammars is not counted', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/highlight');
    const samples: [string, string][] = [
      ['ts', 'interface A { b?: string }\nexport const f = (a: A): number => a.b?.length ?? 0;\n'],
      ['bash', 'for f in *.md; do\n  grep -c "^## " "$f" || echo "none in $f"\ndone\n'],
      ['json', '{ "a": [1, 2.5, true, null], "b": { "c": "d" } }\n'],
      ['python', 'def f(xs):\n    """Doc."""\n    return [x * 2 for x in xs if x]  # twice\n'],
      ['css', '.a > b:hover { color: #fff; margin: 0 auto; }\n@media (width > 40em) { .a { display: grid } }\n'],
      [
        'html',
        '<p class="x">Hi <a href="/y">there</a></p>\n<script>let z = 1;</script>\n<style>p { color: red }</style>\n',
      ],
      [
        'cpp',
        '#include <vector>\ntemplate <typename T> T sum(std::vector<T> v) { T s{}; for (auto x : v) s += x; return s; }\n',
      ],
    ];
    const tree = root(...samples.map(([language, code]) => block(`${code}// … é\n`, language)));
    // Half the real net: cold, V8's compilation of the patterns alone took longer than this.
    expect(fresh.highlightTree(tree, { ...LIMITS, bodyMs: LIMITS.bodyMs / 2 })).toBe(samples.length);
  });
});

describe('limits', () => {
  it('leaves a block over the size limit plain', () => {
    const big = `${'let x = 1;\n'.repeat(Math.ceil(LIMITS.blockChars / 11))}`.slice(0, LIMITS.blockChars + 1);
    const tree = root(block(big, 'js'), block('let y = 2;\n', 'js'));
    const copy = structuredClone(tree.children[0]);
    expect(highlightTree(tree)).toBe(1);
    expect(tree.children[0]).toEqual(copy);
    expect(classesOf(tree.children[1] as Element)).toEqual(['hl']);
  });

  it('leaves a body with too many code blocks plain throughout', () => {
    const blocks = Array.from({ length: LIMITS.blocks + 1 }, (_, i) => block(`let x${i} = ${i};\n`, 'js'));
    const tree = root(...blocks);
    const copy = structuredClone(tree);
    expect(highlightTree(tree)).toBe(0);
    expect(tree).toEqual(copy);
    // One fewer is highlighted.
    expect(highlightTree(root(...structuredClone(blocks.slice(1))))).toBe(LIMITS.blocks);
  });

  it('counts a block by its squared line lengths', () => {
    expect(blockCost('')).toBe(400);
    expect(blockCost('abc')).toBe(409);
    expect(blockCost('ab\ncd\n')).toBe(4 + 400 + 4 + 400 + 400);
    expect(blockCost('x'.repeat(LIMITS.lineChars))).toBe(400);
    expect(blockCost('x'.repeat(LIMITS.lineChars - 1))).toBe(400 + (LIMITS.lineChars - 1) ** 2);
    expect(blockCost('abc', 'javascript')).toBe(409);
    expect(blockCost('abc', 'cpp')).toBe(3 * 409);
  });

  it('stops at the body budget, block by block', () => {
    const blocks = ['let a = 1;\n', 'let b = 22222222222;\n', 'let c;\n'];
    const limits = { ...LIMITS, bodyCost: blockCost(blocks[0]) + blockCost(blocks[2]) };
    const tree = root(...blocks.map((b) => block(b, 'js')));
    expect(highlightTree(tree, limits)).toBe(2);
    expect(tree.children.map((pre) => classesOf(pre as Element))).toEqual([['hl'], [], ['hl']]);
    // The default budget: of three 34 KB blocks of 148-character lines, one is highlighted.
    const wide = `x = "${'a'.repeat(143)}"\n`.repeat(230);
    expect(wide.length).toBeLessThan(LIMITS.blockChars);
    expect(Math.floor(LIMITS.bodyCost / blockCost(wide, 'python'))).toBe(1);
    const body = root(...Array.from({ length: 3 }, () => block(wide, 'python')));
    expect(highlightTree(body)).toBe(1);
  });

  it('keeps a line at the line limit as one plain run, the rest highlighted', () => {
    const long = `x = "${'a'.repeat(LIMITS.lineChars)}"`;
    const tree = root(block(`${long}\ny = 1\n`, 'python'));
    expect(highlightTree(tree)).toBe(1);
    const code = (tree.children[0] as Element).children[0] as Element;
    expect(code.children.find((c) => c.type === 'text' && c.value.includes(long))).toBeTruthy();
    expect(text(tree)).toBe(`${long}\ny = 1\n`);
  });

  it('leaves the rest of a body plain once it has taken bodyMs', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tree = root(block('let a = 1;\n', 'js'), block('b = 2\n', 'python'));
    const copy = structuredClone(tree);
    expect(highlightTree(tree, { ...LIMITS, bodyMs: -1 })).toBe(0);
    expect(tree).toEqual(copy);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('leaves a block plain when the grammar nests too deep, and on any error', () => {
    const nested = '(\n'.repeat(LIMITS.stackDepth * 2);
    const tree = root(block(nested, 'js'));
    expect(highlightTree(tree)).toBe(0);
    expect(text(tree)).toBe(nested);
    expect(classesOf(tree.children[0] as Element)).toEqual([]);
    // Within the depth limit, the same shape is highlighted.
    expect(highlightTree(root(block('(\n'.repeat(5), 'js')))).toBe(1);
  });
});

describe('the stylesheet', () => {
  const css = readFileSync(path.join(import.meta.dirname, '../../app/highlight.css'), 'utf8');
  const rules = new Set([...css.matchAll(/\.(hl-[a-z0-9-]+)/g)].map((m) => m[1]));

  it('is app/highlight.css, as scripts/highlight-css.ts writes it', () => {
    expect(css).toBe(highlightCss());
  });

  it('has no background but the blocks own, and dark colours only under .dark', () => {
    expect(css.match(/background-color:/g)).toHaveLength(2);
    for (const m of css.matchAll(/^([^\n{]*hl-d-[^\n{]*)\{/gm))
      expect(m[1].trim()).toMatch(/^\.dark \.hl-d-[0-9a-f]{6}$/);
  });

  it('has a rule for every class used on samples in every language', () => {
    const samples = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, as text.
      'const x = 1; // c\n/* b */ let s = `t${x}`; class A extends B { #p = /re+/g; }\n',
      'def f(a: int) -> str:\n    """doc"""\n    return f"{a}"  # c\n@decorator\nclass C: pass\n',
      '# Head\n*em* **strong** ~~del~~ [link](url) `code`\n- list\n> quote\n',
      '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n context\n',
      '<div class="a" id=b><!-- c --><script>var x;</script><style>p{}</style></div>\n',
      "SELECT a, COUNT(*) FROM t WHERE b = 'x' -- c\n",
      'key: value\nlist:\n  - 1\n  - "two"\n# c\n',
      'fn main() { let v: Vec<u8> = vec![1]; println!("{}", v[0]); } // c\n',
      '#include <stdio.h>\nint main(void) { printf("%d\\n", 1); return 0; } /* c */\n',
      '$x = ["a" => 1]; echo "$x"; // c\n',
      'echo "$HOME" | grep -E \'^a\' > /dev/null 2>&1 # c\n',
    ];
    const used = new Set<string>();
    for (const language of new Set(Object.values(LANGUAGES))) {
      for (const sample of samples) {
        const tree = root(block(sample, language));
        highlightTree(tree);
        for (const el of elements(tree)) if (el.tagName === 'span') for (const c of classesOf(el)) used.add(c);
      }
    }
    expect(used.size).toBeGreaterThan(15);
    for (const c of ['hl-i', 'hl-b', 'hl-s']) expect(used).toContain(c);
    expect([...used].filter((c) => !rules.has(c))).toEqual([]);
  });

  it('covers both palettes whole', () => {
    for (const hex of palette('light')) expect(rules).toContain(`hl-l-${hex.slice(1)}`);
    for (const hex of palette('dark')) expect(rules).toContain(`hl-d-${hex.slice(1)}`);
  });
});

describe('colours', () => {
  const schemes: Scheme[] = ['light', 'dark'];
  const backgrounds = (scheme: Scheme) => [CODE_BACKGROUNDS[scheme].pre, ...CODE_BACKGROUNDS[scheme].alsoOn];

  it('every colour of each theme reads at WCAG AA on each of its backgrounds', () => {
    for (const scheme of schemes) {
      const colours = palette(scheme);
      expect(colours).toContain(THEMES[scheme].fg);
      expect(colours.length).toBeGreaterThan(8);
      for (const colour of colours) {
        for (const bg of backgrounds(scheme)) {
          expect(contrast(colour, bg), `${scheme} ${colour} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
      }
    }
  });

  it('keeps the colours that pass and darkens or lightens those that fail, as little as it can', () => {
    // GitHub light's comment grey is 4.14:1 on zinc-100.
    expect(contrast('#6e7781', CODE_BACKGROUNDS.light.pre)).toBeLessThan(MIN_CONTRAST);
    const comment = readable('#6e7781', 'light');
    expect(comment).not.toBe('#6e7781');
    expect(palette('light')).toContain(comment);
    expect(palette('light')).not.toContain('#6e7781');
    // A text colour meant for a token background (diff "ignored" lines) on zinc-900.
    expect(readable('#161b22', 'dark')).not.toBe('#161b22');
    for (const scheme of schemes) {
      for (const colour of palette(scheme)) expect(readable(colour, scheme)).toBe(colour);
    }
    expect(readable('#cf222e', 'light')).toBe('#cf222e');
  });

  it('ratios as WCAG defines them', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('are the two themes Shiki itself would give, token by token (one pass stands for two)', () => {
    const shiki = createHighlighterCoreSync({
      themes: [THEMES.light, THEMES.dark].map((t) => ({ ...t, settings: structuredClone(t.settings) })),
      langs: [javascript, python],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
    const samples: [string, string][] = [
      [
        'javascript',
        'import x from "y";\nconst a = { b: [1, 2n, 0x3] }; // c\nexport default async function* g() {}\n',
      ],
      ['python', 'import os\ndef f(*a, **k):\n    return [x for x in a if x]  # c\nprint(f"{os.sep!r}")\n'],
    ];
    for (const [language, code] of samples) {
      const expected: string[] = [];
      for (const line of shiki.codeToTokensWithThemes(code, {
        lang: language,
        themes: { light: THEMES.light.name, dark: THEMES.dark.name },
      })) {
        for (const token of line) {
          const l = (token.variants.light.color ?? '').toLowerCase();
          const d = (token.variants.dark.color ?? '').toLowerCase();
          const plain = l === THEMES.light.fg && d === THEMES.dark.fg;
          for (const ch of token.content) {
            if (ch.trim() !== '') expected.push(`${ch} ${plain ? '' : `hl-l-${l.slice(1)} hl-d-${d.slice(1)}`}`);
          }
        }
      }
      const tree = root(block(code, language));
      highlightTree(tree);
      const actual: string[] = [];
      for (const node of ((tree.children[0] as Element).children[0] as Element).children) {
        const colours = node.type === 'element' ? classesOf(node).filter((c) => /^hl-[ld]-/.test(c)) : [];
        for (const ch of text(node)) if (ch.trim() !== '') actual.push(`${ch} ${colours.join(' ')}`);
      }
      expect(actual).toEqual(expected);
    }
  });
});
