// Build-time syntax highlighting of fenced code blocks, as a rehype plugin that runs after the
// sanitiser. Token colours are classes (`hl-l-…` light, `hl-d-…` dark), never `style` attributes: the
// reading pages' CSP is `style-src 'self'`, and their stylesheet is app/highlight.css, written from
// `highlightCss()` by scripts/highlight-css.ts.
//
// Bodies are untrusted, so everything here is bounded and fails closed to the block as it came:
// only `pre > code.language-x` whose code is plain text and whose language is in LANGUAGES is
// highlighted, within LIMITS (sizes, an estimate of the work, and a time net for what the estimate
// misses); any error in Shiki leaves that block untouched. The output's text nodes are slices of the
// input's text, in order, so the text is the input's, character for character, and only ever text.
// Every block, highlighted or not, is also made focusable, so one that scrolls can be scrolled from
// the keyboard (`focusableBlocks`).
// Synchronous (for `unified().runSync`); Shiki's highlighter is created on the first code block.
import type { Element, ElementContent, Root, Text } from 'hast';
import {
  createHighlighterCoreSync,
  type HighlighterCore,
  type RegexEngine,
  type ThemeRegistrationRaw,
} from 'shiki/core';
import { createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor } from 'shiki/engine/javascript';
import c from 'shiki/langs/c.mjs';
import cpp from 'shiki/langs/cpp.mjs';
import csharp from 'shiki/langs/csharp.mjs';
import css from 'shiki/langs/css.mjs';
import diff from 'shiki/langs/diff.mjs';
import docker from 'shiki/langs/docker.mjs';
import go from 'shiki/langs/go.mjs';
import graphql from 'shiki/langs/graphql.mjs';
import html from 'shiki/langs/html.mjs';
import ini from 'shiki/langs/ini.mjs';
import java from 'shiki/langs/java.mjs';
import javascript from 'shiki/langs/javascript.mjs';
import json from 'shiki/langs/json.mjs';
import jsx from 'shiki/langs/jsx.mjs';
import kotlin from 'shiki/langs/kotlin.mjs';
import lua from 'shiki/langs/lua.mjs';
import markdown from 'shiki/langs/markdown.mjs';
import php from 'shiki/langs/php.mjs';
import python from 'shiki/langs/python.mjs';
import r from 'shiki/langs/r.mjs';
import ruby from 'shiki/langs/ruby.mjs';
import rust from 'shiki/langs/rust.mjs';
import scss from 'shiki/langs/scss.mjs';
import shellscript from 'shiki/langs/shellscript.mjs';
import sql from 'shiki/langs/sql.mjs';
import swift from 'shiki/langs/swift.mjs';
import toml from 'shiki/langs/toml.mjs';
import tsx from 'shiki/langs/tsx.mjs';
import typescript from 'shiki/langs/typescript.mjs';
import xml from 'shiki/langs/xml.mjs';
import yaml from 'shiki/langs/yaml.mjs';
import { EncodedTokenMetadata, INITIAL, type StateStack } from 'shiki/textmate';
import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light-default.mjs';

/** Grammars by Shiki name (their embedded grammars come along, but are only reached through these). */
const GRAMMARS = {
  c,
  cpp,
  csharp,
  css,
  diff,
  docker,
  go,
  graphql,
  html,
  ini,
  java,
  javascript,
  json,
  jsx,
  kotlin,
  lua,
  markdown,
  php,
  python,
  r,
  ruby,
  rust,
  scss,
  shellscript,
  sql,
  swift,
  toml,
  tsx,
  typescript,
  xml,
  yaml,
};
type Grammar = keyof typeof GRAMMARS;

/** The `language-x` names highlighted (lowercased), each to its grammar. Anything else stays plain. */
export const LANGUAGES: Readonly<Record<string, Grammar>> = Object.freeze({
  ...Object.fromEntries(Object.keys(GRAMMARS).map((name) => [name, name as Grammar])),
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  bash: 'shellscript',
  sh: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  py: 'python',
  golang: 'go',
  rs: 'rust',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  rb: 'ruby',
  yml: 'yaml',
  patch: 'diff',
  md: 'markdown',
  kt: 'kotlin',
  kts: 'kotlin',
  dockerfile: 'docker',
  gql: 'graphql',
} satisfies Record<string, Grammar>);

/**
 * Past these a body's code stays plain text: TextMate grammars can be slow on hostile input. A line's
 * worst case grows with the square of its length (a pattern tried from each position of a long run,
 * like JavaScript's on a 1,000-letter identifier, or brackets nested within one line), so the work a
 * body may spend is counted in squared line lengths: see `blockCost`. scripts/highlight-timing.ts
 * measures the worst body these allow.
 */
export const LIMITS: HighlightLimits = Object.freeze({
  /** Characters (UTF-16 units) in one block. */
  blockChars: 64 * 1024,
  /** Highlightable blocks in one body: a body with more is left plain throughout. */
  blocks: 200,
  /**
   * `blockCost` of the blocks highlighted in one body, in document order: a block that would go past
   * what is left stays plain. About 128 KB of code in 40-character lines, 25 KB in 250-character ones
   * (a third of that in C++); real code this size takes a quarter of `bodyMs` or less.
   */
  bodyCost: 6 * 1024 * 1024,
  /**
   * A line this long or longer is kept as one plain run (the rest of its block is still highlighted):
   * the worst single line found takes about 0.25 s at this length (shell, on `<<<<…`), three times
   * that at 1,000 characters.
   */
  lineChars: 500,
  /** Grammar scopes open at a line's end: past it the block stays plain (each line costs this much). */
  stackDepth: 100,
  /**
   * A safety net for input the cost above underrates (a grammar's pattern that backtracks on some
   * text, as C++'s do on brackets): milliseconds of tokenising per body, checked after each line,
   * grammar compilation not counted. The block that runs past it and the blocks after stay plain.
   * Code within `bodyCost` takes a small fraction of it, so only hostile text can meet it.
   */
  bodyMs: 1000,
});

/** What one line costs beyond its squared length, in the same units (measured on empty lines). */
const LINE_COST = 400;

/** Grammars slower than JavaScript's on real code, by about how much (C++: 3x, measured). */
const GRAMMAR_WEIGHTS: Partial<Record<Grammar, number>> = { cpp: 3 };

export interface HighlightLimits {
  readonly blockChars: number;
  readonly blocks: number;
  readonly bodyCost: number;
  readonly lineChars: number;
  readonly stackDepth: number;
  readonly bodyMs: number;
}

/**
 * The most work highlighting `code` can take, in the units of `LIMITS.bodyCost`: each line's squared
 * length plus LINE_COST (a line too long to tokenise costs only that), times the grammar's weight.
 */
export function blockCost(code: string, grammar?: string, limits: HighlightLimits = LIMITS): number {
  let cost = 0;
  for (let start = 0; ; ) {
    const end = code.indexOf('\n', start);
    const length = (end === -1 ? code.length : end) - start;
    cost += LINE_COST + (length < limits.lineChars ? length * length : 0);
    if (end === -1) break;
    start = end + 1;
  }
  const weight =
    grammar !== undefined && Object.hasOwn(GRAMMAR_WEIGHTS, grammar) ? GRAMMAR_WEIGHTS[grammar as Grammar] : 1;
  return cost * (weight ?? 1);
}

// --- Colours -------------------------------------------------------------------------------------

export type Scheme = 'light' | 'dark';

/**
 * The background highlighted blocks are shown on (app/highlight.css sets it on `pre.hl`) and any
 * other each scheme's colours must also read on; every token colour is checked against all of them.
 */
export const CODE_BACKGROUNDS: Readonly<Record<Scheme, { pre: string; alsoOn: readonly string[] }>> = Object.freeze({
  // zinc-100, and the page's white around it.
  light: { pre: '#f4f4f5', alsoOn: ['#ffffff'] },
  // zinc-900, and the page's zinc-950 around it.
  dark: { pre: '#18181b', alsoOn: ['#09090b'] },
});

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** `#abc`, `#aabbcc` or `#aabbccdd` to 6-digit lowercase hex; alpha is dropped (no theme here has any). */
export function normaliseHex(colour: string): string | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(colour.trim());
  if (!m) return undefined;
  let hex = m[1].toLowerCase();
  if (hex.length === 3) hex = [...hex].map((d) => d + d).join('');
  return `#${hex.slice(0, 6)}`;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two 6-digit hex colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const backgroundsOf = (scheme: Scheme) => [CODE_BACKGROUNDS[scheme].pre, ...CODE_BACKGROUNDS[scheme].alsoOn];

/**
 * The colour itself if it reads on every background of its scheme, else the nearest mix of it with
 * black (light) or white (dark) that does, in 1% steps.
 */
export function readable(colour: string, scheme: Scheme): string {
  const backgrounds = backgroundsOf(scheme);
  const passes = (hex: string) => backgrounds.every((bg) => contrast(hex, bg) >= MIN_CONTRAST);
  const target = scheme === 'light' ? 0 : 255;
  const rgb = channels(colour);
  for (let step = 0; step <= 100; step++) {
    const hex = `#${rgb
      .map((v) =>
        Math.round(v + ((target - v) * step) / 100)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (passes(hex)) return hex;
  }
  return scheme === 'light' ? '#000000' : '#ffffff';
}

type TokenColour = {
  scope?: string | string[];
  settings: { foreground?: string; background?: string; fontStyle?: string };
};
type PageTheme = ThemeRegistrationRaw & { name: string; fg: string; settings: TokenColour[] };

/**
 * A Shiki theme made to fit the page: every colour made readable on the scheme's backgrounds (see
 * `readable`), token backgrounds dropped (the block keeps one background; a colour meant for a
 * token's own background, like the diff themes' "ignored" lines, is made readable like the rest).
 */
function pageTheme(base: ThemeRegistrationRaw, scheme: Scheme): PageTheme {
  const fix = (colour: string | undefined) => {
    const hex = colour === undefined ? undefined : normaliseHex(colour);
    return hex === undefined ? undefined : readable(hex, scheme);
  };
  const colors = (base.colors ?? {}) as Record<string, string>;
  const fg = fix(colors['editor.foreground'] ?? base.fg);
  if (fg === undefined) throw new Error(`highlight: theme ${base.name} has no foreground`);
  const tokenColors = ((base.tokenColors ?? []) as TokenColour[]).map(({ scope, settings }) => {
    const { background: _dropped, foreground, ...rest } = settings;
    const fixed = fix(foreground);
    return { scope, settings: fixed === undefined ? rest : { ...rest, foreground: fixed } };
  });
  return {
    name: `inkwell-${scheme}`,
    type: scheme,
    fg,
    bg: CODE_BACKGROUNDS[scheme].pre,
    colors: { 'editor.foreground': fg, 'editor.background': CODE_BACKGROUNDS[scheme].pre },
    settings: tokenColors,
  };
}

/** The two themes as used: GitHub's light and dark defaults (Primer), with colours made readable. */
export const THEMES: Readonly<Record<Scheme, PageTheme>> = Object.freeze({
  light: pageTheme(githubLight, 'light'),
  dark: pageTheme(githubDark, 'dark'),
});

/** Every colour a theme can give a token: its foreground and each token rule's, normalised. */
export function palette(scheme: Scheme): string[] {
  const theme = THEMES[scheme];
  const colours = new Set<string>([theme.fg]);
  for (const { settings } of theme.settings) {
    const hex = settings.foreground && normaliseHex(settings.foreground);
    if (hex) colours.add(hex);
  }
  return [...colours].sort();
}

const PALETTES: Record<Scheme, ReadonlySet<string>> = {
  light: new Set(palette('light')),
  dark: new Set(palette('dark')),
};

const colourClass = (scheme: Scheme, hex: string) => `hl-${scheme === 'light' ? 'l' : 'd'}-${hex.slice(1)}`;

// Shiki's FontStyle flags, and the class for each.
const FONT_CLASSES: [flag: number, className: string][] = [
  [1, 'hl-i'],
  [2, 'hl-b'],
  [4, 'hl-u'],
  [8, 'hl-s'],
];
const DECORATION_FLAGS = 4 | 8;

/** The stylesheet for every class `rehypeHighlight` can emit (app/highlight.css is this). */
export function highlightCss(): string {
  const rule = (selector: string, declarations: string[]) =>
    `${selector} {\n${declarations.map((d) => `  ${d};\n`).join('')}}\n`;
  const out = [
    '/* Written by scripts/highlight-css.ts from lib/highlight.ts (npx tsx scripts/highlight-css.ts): do not edit. */\n',
    '/* Highlighted blocks: the background and text colour every token colour below was checked against. */\n',
    rule('pre.hl', [`background-color: ${CODE_BACKGROUNDS.light.pre}`, `color: ${THEMES.light.fg}`]),
    rule('.dark pre.hl', [`background-color: ${CODE_BACKGROUNDS.dark.pre}`, `color: ${THEMES.dark.fg}`]),
    rule('.hl-i', ['font-style: italic']),
    rule('.hl-b', ['font-weight: bold']),
    rule('.hl-u', ['text-decoration-line: underline']),
    rule('.hl-s', ['text-decoration-line: line-through']),
    rule('.hl-u.hl-s', ['text-decoration-line: underline line-through']),
  ];
  for (const hex of PALETTES.light) out.push(rule(`.${colourClass('light', hex)}`, [`color: ${hex}`]));
  for (const hex of PALETTES.dark) out.push(rule(`.dark .${colourClass('dark', hex)}`, [`color: ${hex}`]));
  return out.join('');
}

// --- The highlighter -----------------------------------------------------------------------------

/**
 * The two themes as one, so each line is tokenised once: GitHub's light and dark themes have the same
 * rules in the same order (Primer writes both from one template), so rule i's foreground here is a
 * stand-in colour for the pair (light rule i's, dark rule i's). Throws if the themes differ in shape;
 * a test compares the result with Shiki's own two-theme tokens.
 */
function pairedTheme(): { theme: ThemeRegistrationRaw & { name: string }; pairs: Map<string, [string, string]> } {
  const { light, dark } = THEMES;
  if (light.settings.length !== dark.settings.length) throw new Error('highlight: the themes have different rules');
  const pairs = new Map<string, [string, string]>([['#000000', [light.fg, dark.fg]]]);
  const ids = new Map<string, string>();
  const settings = light.settings.map((rule, i): TokenColour => {
    const other = dark.settings[i];
    if (
      JSON.stringify(rule.scope) !== JSON.stringify(other.scope) ||
      rule.settings.fontStyle !== other.settings.fontStyle
    ) {
      throw new Error(`highlight: the themes differ at rule ${i}`);
    }
    const { foreground: l, ...rest } = rule.settings;
    const d = other.settings.foreground;
    if ((l === undefined) !== (d === undefined)) throw new Error(`highlight: the themes differ at rule ${i}`);
    if (l === undefined || d === undefined) return { scope: rule.scope, settings: rest };
    const key = `${l} ${d}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = `#${(ids.size + 1).toString(16).padStart(6, '0')}`;
      ids.set(key, id);
      pairs.set(id, [l, d]);
    }
    return { scope: rule.scope, settings: { ...rest, foreground: id } };
  });
  return {
    theme: { name: 'inkwell-paired', type: 'light', fg: '#000000', bg: '#ffffff', settings },
    pairs,
  };
}

type Setup = { shiki: HighlighterCore; themeName: string; pairs: Map<string, [string, string]> };

/** Milliseconds spent compiling grammar patterns to RegExps so far (not tokenising, for `bodyMs`). */
let compileMs = 0;

/**
 * V8 compiles a RegExp when it first runs and again on its next run (bytecode, then machine code),
 * once for strings of Latin-1 characters only and once for others. Left to the first body that
 * reaches a rule, that work counted against `bodyMs`: in a cold process an ordinary body with code in
 * six languages spent 0.85 s of it there, and 2.5 s with C++ added and a build running beside it, so
 * its last blocks stayed plain (0.07 s and 0.26 s with this; the total time is the same). So each
 * pattern is run twice on an empty line of each kind as it is compiled, counted as compilation. The
 * patterns are the grammars', never a body's.
 */
const WARM_UP_LINES = ['', '\u2026'];

function warmedUp(regex: RegExp): RegExp {
  for (const line of WARM_UP_LINES) {
    for (let run = 0; run < 2; run++) {
      regex.lastIndex = 0;
      try {
        regex.exec(line);
      } catch {
        // As the scanner does with `forgiving`: a pattern that throws on a line just does not match.
      }
    }
  }
  regex.lastIndex = 0;
  return regex;
}

/** The JavaScript engine, timing its compilation (it compiles a rule's patterns as a rule is reached). */
function timedEngine(): RegexEngine {
  // `forgiving`: a grammar pattern the JavaScript engine cannot express never matches, instead of
  // throwing when first reached.
  const engine = createJavaScriptRegexEngine({
    forgiving: true,
    regexConstructor: (pattern) => warmedUp(defaultJavaScriptRegexConstructor(pattern)),
  });
  return {
    createScanner(patterns) {
      const started = performance.now();
      try {
        return engine.createScanner(patterns);
      } finally {
        compileMs += performance.now() - started;
      }
    },
    createString: (text) => engine.createString(text),
  };
}

let setup: Setup | undefined;
let setupFailed = false;
let highlighterCreations = 0;

/** Whether Shiki's highlighter has been created in this process (it is, on the first code block). */
export function highlighterLoaded(): boolean {
  return setup !== undefined;
}

/** How many times the highlighter was created (0 or 1; for tests). */
export function highlighterCreationCount(): number {
  return highlighterCreations;
}

function getSetup(): Setup | undefined {
  if (setup || setupFailed) return setup;
  try {
    highlighterCreations++;
    const { theme, pairs } = pairedTheme();
    const shiki = createHighlighterCoreSync({
      themes: [theme],
      langs: Object.values(GRAMMARS),
      engine: timedEngine(),
    });
    setup = { shiki, themeName: theme.name, pairs };
  } catch (error) {
    setupFailed = true;
    console.error(`highlight: Shiki could not be set up; code stays plain (${String(error)})`);
  }
  return setup;
}

// --- Tokens to hast ------------------------------------------------------------------------------

/** A run of text with the classes it is shown with ([] for the block's own colour). */
type Run = { text: string; classes: string[]; decorated: boolean };
type Style = { classes: string[]; decorated: boolean };

const PLAIN: Style = { classes: [], decorated: false };

function styleOf(pair: [string, string] | undefined, fontStyle: number): Style {
  const [l, d] = pair ?? [THEMES.light.fg, THEMES.dark.fg];
  const classes: string[] = [];
  // Both colours or neither: a light class left alone would still colour the token in dark mode.
  if (l !== THEMES.light.fg || d !== THEMES.dark.fg) classes.push(colourClass('light', l), colourClass('dark', d));
  for (const [flag, className] of FONT_CLASSES) if (fontStyle & flag) classes.push(className);
  return { classes, decorated: (fontStyle & DECORATION_FLAGS) !== 0 };
}

const sameClasses = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
const BLANK = /^\s+$/;

/**
 * Runs over the input's own text: whitespace joins the run before it unless either is underlined or
 * struck through, and neighbours with the same classes merge.
 */
function pushRun(runs: Run[], text: string, style: Style) {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && (sameClasses(last.classes, style.classes) || (!last.decorated && !style.decorated && BLANK.test(text)))) {
    last.text += text;
  } else runs.push({ text, classes: style.classes, decorated: style.decorated });
}

class TooDeep extends Error {}
class OutOfTime extends Error {}

/** Milliseconds a body has spent tokenising, without pattern compilation. */
function bodyClock(): () => number {
  const started = performance.now();
  const compiledBefore = compileMs;
  return () => performance.now() - started - (compileMs - compiledBefore);
}

/**
 * The block's text as runs, each line tokenised once with the paired theme. Throws TooDeep when the
 * grammar's state nests past `limits.stackDepth` (each line then costs time in proportion to it), and
 * OutOfTime when the body's clock passes `limits.bodyMs`.
 */
function highlightCode(
  code: string,
  grammar: Grammar,
  limits: HighlightLimits,
  spent: () => number,
): ElementContent[] | undefined {
  const found = getSetup();
  if (!found) return undefined;
  const { shiki, themeName, pairs } = found;
  const { colorMap } = shiki.setTheme(themeName);
  const tokenizer = shiki.getLanguage(grammar);
  const styles = new Map<number, Style>();
  const styleFor = (metadata: number) => {
    let style = styles.get(metadata);
    if (style === undefined) {
      const colour = colorMap[EncodedTokenMetadata.getForeground(metadata)];
      const pair = colour === undefined ? undefined : pairs.get(colour.toLowerCase());
      style = styleOf(pair, Math.max(0, EncodedTokenMetadata.getFontStyle(metadata)));
      styles.set(metadata, style);
    }
    return style;
  };

  const runs: Run[] = [];
  let state: StateStack = INITIAL;
  const newline = /\r?\n/g;
  let start = 0;
  for (;;) {
    newline.lastIndex = start;
    const match = newline.exec(code);
    const end = match ? match.index : code.length;
    const line = code.slice(start, end);
    if (line.length >= limits.lineChars) {
      // Left as it is, and the grammar's state too, as Shiki does.
      pushRun(runs, line, PLAIN);
    } else {
      const { tokens, ruleStack } = tokenizer.tokenizeLine2(line, state, 0);
      const count = tokens.length / 2;
      for (let j = 0; j < count; j++) {
        const from = tokens[2 * j];
        const to = j + 1 < count ? tokens[2 * j + 2] : line.length;
        if (to > from) pushRun(runs, line.slice(from, to), styleFor(tokens[2 * j + 1]));
      }
      state = ruleStack;
      if (state.depth > limits.stackDepth) throw new TooDeep();
      if (spent() > limits.bodyMs) throw new OutOfTime();
    }
    if (!match) break;
    pushRun(runs, match[0], PLAIN);
    start = end + match[0].length;
  }

  // The runs are slices of the code, in order; checked all the same, as the text is the contract.
  if (runs.map((run) => run.text).join('') !== code) throw new Error('highlight: runs do not match the code');
  return runs.map(({ text, classes }): ElementContent => {
    const node: Text = { type: 'text', value: text };
    return classes.length === 0
      ? node
      : { type: 'element', tagName: 'span', properties: { className: [...classes] }, children: [node] };
  });
}

// --- The plugin ----------------------------------------------------------------------------------

function classList(node: Element): string[] {
  const value = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? String(value).split(/\s+/).filter(Boolean) : [];
}

/** A block's grammar, or undefined: `pre > code.language-x`, the code plain text and x known. */
function candidate(pre: Element): { code: Element; text: string; grammar: Grammar } | undefined {
  if (pre.children.length !== 1) return undefined;
  const code = pre.children[0];
  if (code.type !== 'element' || code.tagName !== 'code') return undefined;
  if (!code.children.every((child) => child.type === 'text')) return undefined;
  const language = classList(code)
    .find((c) => c.startsWith('language-'))
    ?.slice('language-'.length)
    .toLowerCase();
  const grammar = language !== undefined && Object.hasOwn(LANGUAGES, language) ? LANGUAGES[language] : undefined;
  if (grammar === undefined) return undefined;
  const text = (code.children as Text[]).map((t) => t.value).join('');
  return { code, text, grammar };
}

function preElements(tree: Root): Element[] {
  const found: Element[] = [];
  // Iterative, in document order: bodies may be deep.
  const stack: Root['children'] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !('children' in node)) continue;
    if (node.type === 'element' && node.tagName === 'pre') {
      found.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Root['children'][number]);
  }
  return found;
}

/** Highlights the tree's code blocks in place (see the top of this file). Returns how many. */
export function highlightTree(tree: Root, limits: HighlightLimits = LIMITS): number {
  const blocks = preElements(tree)
    .map((pre) => ({ pre, block: candidate(pre) }))
    .filter((b): b is { pre: Element; block: NonNullable<ReturnType<typeof candidate>> } => b.block !== undefined);
  if (blocks.length === 0 || blocks.length > limits.blocks || !getSetup()) return 0;
  const spent = bodyClock();
  let budget = limits.bodyCost;
  let highlighted = 0;
  for (const { pre, block } of blocks) {
    if (block.text.length > limits.blockChars) continue;
    const cost = blockCost(block.text, block.grammar, limits);
    if (cost > budget) continue;
    budget -= cost;
    let children: ElementContent[] | undefined;
    try {
      children = highlightCode(block.text, block.grammar, limits, spent);
    } catch (error) {
      if (error instanceof OutOfTime) {
        console.warn(`highlight: code took over ${limits.bodyMs} ms to highlight; the rest of the body is left plain`);
        break;
      }
      // TooDeep, or anything the grammar or the engine threw: this block stays as it came.
      children = undefined;
    }
    if (!children) continue;
    block.code.children = children;
    pre.properties = { ...pre.properties, className: [...classList(pre), 'hl'] };
    highlighted++;
  }
  return highlighted;
}

/**
 * Gives every code block of the tree `tabindex="0"`, highlighted or not, as Shiki's own output does: a
 * block scrolls sideways when its lines are wider than the column, and a region that scrolls must be
 * reachable from the keyboard (WCAG 2.1.1, axe's scrollable-region-focusable). Content cannot set it
 * (the sanitiser drops `tabindex`), so the value is always ours.
 */
export function focusableBlocks(tree: Root): void {
  for (const pre of preElements(tree)) pre.properties = { ...pre.properties, tabIndex: 0 };
}

/**
 * The rehype plugin: `unified().use(rehypeHighlight)`, after the sanitiser; synchronous. Highlights
 * the code blocks it can and makes every block focusable (`focusableBlocks`).
 */
export function rehypeHighlight(options: { limits?: Partial<HighlightLimits> } = {}) {
  const limits = { ...LIMITS, ...options.limits };
  return (tree: Root) => {
    highlightTree(tree, limits);
    focusableBlocks(tree);
  };
}
