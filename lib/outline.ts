// Heading anchors and a table of contents for article bodies, as a rehype plugin for both body
// pipelines. It runs after the sanitiser and hardening (lib/markdown.ts, lib/mdx-allowlist.ts), so
// everything it adds is its own: content cannot bring the classes it marks its work with.
//
// - Every h2, h3 and h4 gets an id from its text (slugify, any script kept), cut at MAX_SLUG code
//   points, `section` when no letter or digit is left, `-2`, `-3`… when taken. Taken means any id or
//   name already in the tree (footnotes' `user-content-fn1`, an imported id the sanitiser prefixed),
//   the page's own ids (PAGE_IDS) and the contents' heading: an id is never given twice.
// - An id the content gave a heading (prefixed `user-content-` by the sanitiser) is replaced by ours,
//   and the body's links and ARIA references to it follow, so an imported article's own contents
//   still work. Ours are readable and the same on both pipelines.
// - A self-link goes at the end of the heading: `<a class="heading-anchor" href="#id" aria-label=
//   "Link to this section: Text"><span aria-hidden="true">#</span></a>`. None where a link cannot be
//   (a heading inside a link or a <summary>), and visually hidden headings (remark's footnote label)
//   are left as they are.
// - With MIN_SECTIONS h2s or more, a <nav class="toc"> lists them, each with its h3s, before the first
//   h2's top-level block: plain text links (no content markup, so no link in a link).
// One pass over the tree, sets and maps for every lookup, and headings' text read to a bound: linear
// in the body however many headings it has or however long they are.
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { slugify } from './urls';

/** The contents' heading; never given to a section. */
export const TOC_HEADING_ID = 'toc-heading';
/**
 * Ids the pages around a body use (SiteChrome's `main`, the corrections box, the search box, the
 * content-problems panel): tests/unit/outline.test.ts checks this against every `id="…"` in app/ and
 * components/.
 */
export const PAGE_IDS: readonly string[] = [
  'main',
  'article-corrections',
  'search-input',
  'content-problems',
  'content-problems-title',
];
/** How many h2s make a contents list worth having. */
export const MIN_SECTIONS = 3;
/** Contents past this many entries is no help: h3s are left out, then the whole list. */
export const MAX_TOC_ENTRIES = 100;
/** Code points of an id's slug, before any `-2`. */
export const MAX_SLUG = 64;
/** Characters of a heading's text kept for its link and contents entry. */
export const MAX_LABEL = 160;
/** Characters of a heading's text read at all: enough for the slug and the label. */
const MAX_TEXT = 256;

export const ANCHOR_CLASS = 'heading-anchor';
export const TOC_CLASS = 'toc';

export interface OutlineOptions {
  /** Ids used elsewhere on the page, on top of PAGE_IDS. */
  reserved?: Iterable<string>;
  /** The contents' heading text. */
  tocTitle?: string;
}

export interface Section {
  level: 2 | 3 | 4;
  id: string;
  /** The heading as plain text, cut at MAX_LABEL; empty when it has none. */
  text: string;
}

export interface Outline {
  sections: Section[];
  /** Whether a contents list was added. */
  toc: boolean;
}

const LEVELS: Record<string, 2 | 3 | 4> = { h2: 2, h3: 3, h4: 4 };
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements no link may sit inside: our anchor is left out of headings within them. */
const INTERACTIVE = new Set(['a', 'button', 'label', 'summary', 'select', 'textarea']);
/** Elements whose text is broken from its neighbours' in a heading. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'td', 'th', 'tr', 'dt', 'dd']);

type Parent = { children: RootContent[] };
type Node = RootContent;

const hasChildren = (node: Node): node is Node & Parent => Array.isArray((node as Partial<Parent>).children);

const tokens = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];

const classes = (el: Element): string[] => tokens(el.properties.className);

/**
 * A superscript holding a link within the page is a note mark (`Intro[^1]`): not part of the heading's
 * name, in its id or its contents entry.
 */
const isNoteMark = (el: Element) =>
  el.tagName === 'sup' &&
  el.children.some((c) => c.type === 'element' && c.tagName === 'a' && String(c.properties.href ?? '').startsWith('#'));

/** Cut at `max` UTF-16 units without splitting a surrogate pair, with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * A heading's text as a reader gets it: text and image alternatives, white space collapsed, note marks
 * and ruby fallbacks left out. Reads no more than MAX_TEXT characters' worth, iteratively.
 */
export function headingText(heading: Element): string {
  let out = '';
  const stack: ElementContent[] = [...heading.children].reverse();
  while (stack.length > 0 && out.length <= MAX_TEXT) {
    const node = stack.pop() as ElementContent;
    if (node.type === 'text') {
      out += node.value.replace(/\s+/g, ' ').slice(0, MAX_TEXT + 1 - out.length);
    } else if (node.type === 'element') {
      if (node.tagName === 'rp' || isNoteMark(node) || classes(node).includes(ANCHOR_CLASS)) continue;
      if (node.tagName === 'img' && typeof node.properties.alt === 'string') {
        out += node.properties.alt.replace(/\s+/g, ' ').slice(0, MAX_TEXT + 1 - out.length);
      }
      if (BREAKS.has(node.tagName)) out += ' ';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    } else if (hasChildren(node as Node)) {
      // MDX elements (a component inside a heading): their text counts.
      const children = (node as unknown as Parent).children as ElementContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** The slug an id starts from: letters and digits of any script, MAX_SLUG code points, or `section`. */
export function slugBase(text: string): string {
  const slug = slugify(text.slice(0, MAX_TEXT));
  const points = Array.from(slug);
  const base = (points.length > MAX_SLUG ? points.slice(0, MAX_SLUG).join('') : slug).replace(/-+$/, '');
  return /[\p{L}\p{N}]/u.test(base) ? base : 'section';
}

/** Hands out ids that are not in `taken`, adding each: `base`, then `base-2`, `base-3`… */
function idAllocator(taken: Set<string>): (base: string) => string {
  // The next number to try for each base: a base's numbers are tried once each, whatever else is taken.
  const next = new Map<string, number>();
  return (base) => {
    let id = base;
    if (taken.has(id)) {
      let n = next.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      next.set(base, n + 1);
      id = `${base}-${n}`;
    }
    taken.add(id);
    return id;
  };
}

interface Found {
  heading: Element;
  level: 2 | 3 | 4;
  /** Index of the top-level node that holds the heading. */
  top: number;
  /** Inside a link or another interactive element: no anchor. */
  interactive: boolean;
}

interface Walk {
  headings: Found[];
  taken: Set<string>;
  /** The element each id names: the first in document order, as a browser resolves it. */
  holders: Map<string, Element>;
  /** Elements that point at ids: fragment links and ARIA references. */
  pointers: Element[];
  outlined: boolean;
}

/** One pass, in document order: headings to outline, every id and name, and what points at them. */
function walk(tree: Root): Walk {
  const found: Walk = { headings: [], taken: new Set(), holders: new Map(), pointers: [], outlined: false };
  const stack: [Node, number, boolean, boolean][] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push([tree.children[i], i, false, false]);
  while (stack.length > 0) {
    const [node, top, interactive, inHeading] = stack.pop() as [Node, number, boolean, boolean];
    let inside = interactive;
    let heading = inHeading;
    if (node.type === 'element') {
      const p = node.properties;
      for (const name of [p.id, p.name]) {
        if (typeof name !== 'string' || name === '') continue;
        found.taken.add(name);
        if (!found.holders.has(name)) found.holders.set(name, node);
      }
      if (
        (typeof p.href === 'string' && p.href.startsWith('#')) ||
        p.ariaDescribedBy !== undefined ||
        p.ariaLabelledBy !== undefined
      ) {
        found.pointers.push(node);
      }
      const own = classes(node);
      if (own.includes(ANCHOR_CLASS) || (node.tagName === 'nav' && own.includes(TOC_CLASS))) found.outlined = true;
      if (HEADINGS.has(node.tagName)) {
        const level = LEVELS[node.tagName];
        if (level && !inHeading && !own.includes('sr-only')) {
          found.headings.push({ heading: node, level, top, interactive });
        }
        heading = true;
      }
      if (INTERACTIVE.has(node.tagName)) inside = true;
    }
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], top, inside, heading]);
    }
  }
  return found;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function anchor(id: string, label: string): Element {
  return element(
    'a',
    {
      className: [ANCHOR_CLASS],
      href: `#${id}`,
      ariaLabel: label ? `Link to this section: ${label}` : 'Link to this section',
    },
    [element('span', { ariaHidden: 'true' }, [text('#')])],
  );
}

interface Entry {
  section: Section;
  heading: Element;
  children: Entry[];
}

function tocItem({ section, heading, children }: Entry): Element {
  // The heading's language and direction go with its text.
  const properties: Properties = { href: `#${section.id}` };
  for (const key of ['lang', 'dir']) {
    if (typeof heading.properties[key] === 'string') properties[key] = heading.properties[key];
  }
  const items: ElementContent[] = [element('a', properties, [text(section.text || 'Untitled section')])];
  if (children.length > 0) items.push(element('ol', {}, children.map(tocItem)));
  return element('li', {}, items);
}

/**
 * The h2s, each with the h3s after it (h3s before the first h2 come before the list), or only the h2s,
 * or nothing: whichever first fits in MAX_TOC_ENTRIES.
 */
function tocEntries(sections: Section[], found: Found[]): Entry[] {
  const entries: Entry[] = [];
  let count = 0;
  for (let i = 0; i < sections.length; i++) {
    const entry = { section: sections[i], heading: found[i].heading, children: [] };
    const parent = entries[entries.length - 1];
    if (entry.section.level === 2) entries.push(entry);
    else if (entry.section.level === 3 && parent) parent.children.push(entry);
    else continue;
    count++;
  }
  if (count <= MAX_TOC_ENTRIES) return entries;
  if (entries.length > MAX_TOC_ENTRIES) return [];
  for (const entry of entries) entry.children = [];
  return entries;
}

/**
 * Gives the tree's headings ids and anchors and, with enough h2s, a contents list; says what it did.
 * Run after the sanitiser. A tree that already has them is left alone.
 */
export function addOutline(tree: Root, options: OutlineOptions = {}): Outline {
  const found = walk(tree);
  if (found.outlined) return { sections: [], toc: false };
  const { taken, holders } = found;
  for (const id of [...PAGE_IDS, ...(options.reserved ?? [])]) taken.add(id);
  const allocate = idAllocator(taken);
  const tocId = allocate(TOC_HEADING_ID);

  const sections: Section[] = [];
  const renamed = new Map<string, string>();
  for (const { heading, level, interactive } of found.headings) {
    const full = headingText(heading);
    const id = allocate(slugBase(full));
    const label = cut(full, MAX_LABEL);
    const old = heading.properties.id;
    if (typeof old === 'string' && holders.get(old) === heading) renamed.set(old, id);
    heading.properties.id = id;
    if (!interactive) heading.children.push(anchor(id, label));
    sections.push({ level, id, text: label });
  }

  if (renamed.size > 0) {
    for (const el of found.pointers) {
      const p = el.properties;
      const target = typeof p.href === 'string' && p.href.startsWith('#') ? renamed.get(p.href.slice(1)) : undefined;
      if (target) p.href = `#${target}`;
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        if (p[key] !== undefined) p[key] = tokens(p[key]).map((t) => renamed.get(t) ?? t);
      }
    }
  }

  const h2s = found.headings.filter((h) => h.level === 2);
  const entries = h2s.length >= MIN_SECTIONS ? tocEntries(sections, found.headings) : [];
  if (entries.length > 0) {
    const nav = element('nav', { className: [TOC_CLASS, 'not-prose'], ariaLabelledBy: [tocId] }, [
      element('h2', { id: tocId }, [text(options.tocTitle ?? 'Contents')]),
      element('ol', {}, entries.map(tocItem)),
    ]);
    tree.children.splice(h2s[0].top, 0, nav);
  }
  return { sections, toc: entries.length > 0 };
}

/**
 * The rehype plugin: `unified().use(rehypeOutline)` after the sanitiser on `.md`, and after
 * rehypeMdxAllowlist in next-mdx-remote's `rehypePlugins` on `.mdx`.
 */
export function rehypeOutline(options?: OutlineOptions) {
  return (tree: Root) => {
    addOutline(tree, options);
  };
}
