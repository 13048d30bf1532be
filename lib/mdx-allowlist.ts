// `.mdx` bodies held to the `.md` allowlist. MDX compiles JSX instead of parsing HTML, so its tags
// reach React as written: `HREF`, a second `src`, `xlink:href`, `formaction` or `srcdoc` would pass
// a check that only knows the usual spellings. Here every JSX tag with an HTML name becomes a plain
// hast element (names normalised as HTML would, duplicates dropped), the site's components become
// placeholders, and the whole tree goes through the same sanitiser and hardening as a `.md` body.
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { MAX_DEPTH } from './html-tree';
import { rehypeHarden, sanitizeSchema } from './markdown';

interface MdxJsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: unknown;
}

interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxJsxAttribute[];
  children: RootContent[];
}

/** The components `.mdx` may use, with the attributes each takes, all as literal strings. */
const COMPONENTS: Record<string, { tag: string; attributes: string[] }> = {
  Callout: { tag: 'inkwell-callout', attributes: ['type', 'title'] },
  Figure: { tag: 'inkwell-figure', attributes: ['src', 'alt', 'caption', 'width', 'height'] },
};
const byTag = new Map(Object.entries(COMPONENTS).map(([name, c]) => [c.tag, { name, ...c }]));

const mdxSchema = {
  ...sanitizeSchema,
  tagNames: [...(sanitizeSchema.tagNames ?? []), ...byTag.keys()],
  attributes: {
    ...sanitizeSchema.attributes,
    ...Object.fromEntries([...byTag].map(([tag, c]) => [tag, c.attributes])),
  },
};

/** Lower-case HTML names only: `a.b`, `svg:rect` and unknown capitalised names are not elements. */
const HTML_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** JSX attributes as hast properties: literal values only, the first of each name, HTML's spelling. */
function propertiesOf(attributes: MdxJsxAttribute[]): Properties {
  const properties: Properties = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const { value } = attribute;
    if (value !== null && value !== undefined && typeof value !== 'string') continue;
    const info = find(html, attribute.name);
    if (info.property in properties) continue;
    if (value === null || value === undefined) properties[info.property] = true;
    else if (info.spaceSeparated) properties[info.property] = value.split(/[ \t\n\f\r]+/).filter(Boolean);
    else if (info.commaSeparated) properties[info.property] = value.split(',').map((v) => v.trim());
    else properties[info.property] = value;
  }
  return properties;
}

const isJsx = (node: { type: string }): node is MdxJsxElement & { type: string } =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * JSX and MDX nodes to plain hast, in one iterative pass that also unwraps what lies deeper than
 * MAX_DEPTH: expressions and ESM are dropped, fragments, unknown components and non-HTML names are
 * unwrapped (their content stays), HTML names become elements.
 */
function toPlainHast(root: Root): void {
  const stack: [{ children: RootContent[] }, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [parent, depth] = stack.pop() as [{ children: RootContent[] }, number];
    const out: RootContent[] = [];
    // A stack in reverse document order: unwrapping pushes a node's children back in its place.
    const pending = [...parent.children].reverse();
    const unwrap = (children: RootContent[]) => {
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    };
    while (pending.length > 0) {
      const node = pending.pop() as RootContent & { type: string };
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') continue;
      const jsx = isJsx(node) ? node : undefined;
      const name = jsx?.name ?? undefined;
      const tag = name && (COMPONENTS[name]?.tag ?? (HTML_NAME.test(name) ? name : undefined));
      if (jsx && !tag) {
        unwrap(jsx.children);
        continue;
      }
      if (depth >= MAX_DEPTH && (jsx || node.type === 'element')) {
        unwrap((node as Element).children);
        continue;
      }
      const element: RootContent = jsx
        ? {
            type: 'element',
            tagName: tag as string,
            properties: propertiesOf(jsx.attributes),
            children: jsx.children as ElementContent[],
          }
        : node;
      out.push(element);
      if ('children' in element) stack.push([element as { children: RootContent[] }, depth + 1]);
    }
    parent.children = out;
  }
}

/** Placeholders back into the components they stand for, with their sanitised attributes. */
function restoreComponents(root: Root): void {
  const stack: { children: RootContent[] }[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop() as { children: RootContent[] };
    parent.children = parent.children.map((node) => {
      if (node.type !== 'element') return node;
      stack.push(node);
      const component = byTag.get(node.tagName);
      if (!component) return node;
      const attributes = Object.entries(node.properties)
        .filter(([, v]) => v !== undefined && v !== null && v !== false)
        .map(([name, v]) => ({ type: 'mdxJsxAttribute', name, value: Array.isArray(v) ? v.join(' ') : String(v) }));
      return {
        type: 'mdxJsxFlowElement',
        name: component.name,
        attributes,
        children: node.children,
      } as unknown as RootContent;
    });
  }
}

/**
 * MDX's parser (micromark) resolves emphasis, labels and JSX in time that grows with the square of
 * their count, and does the same with block structure (list items, quotes, setext headings), nested
 * or not: a body with more of either than any hand-written article, or larger than one, is not
 * compiled but shown as sanitised markdown, whose renderer is linear. Fenced code is not counted: it
 * is not parsed for markup.
 */
export const MAX_MDX_MARKUP = 4000;
const MARKUP = new Set([...'*_~>[]<{`'].map((c) => c.charCodeAt(0)));
/** Lines that open or continue block structure. */
export const MAX_MDX_BLOCKS = 1000;
/** Lists and quotes nested this deep on one line (`- - - …`, `>>>…`, indentation). */
export const MAX_MDX_NESTING = 32;
export const MAX_MDX_BYTES = 256 * 1024;
export const MDX_BUDGET_REASON = `over MDX's budget: ${MAX_MDX_MARKUP} markup characters, ${MAX_MDX_BLOCKS} block lines, ${MAX_MDX_NESTING} levels on a line or ${MAX_MDX_BYTES / 1024} KB`;

const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const CONTAINER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;

export function mdxWithinBudget(body: string): boolean {
  if (body.length > MAX_MDX_BYTES) return false;
  let markup = 0;
  let blocks = 0;
  let fence: string | undefined;
  for (const line of body.split(/\r\n|\r|\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker?.[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) {
        fence = undefined;
      }
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    for (let i = 0; i < line.length; i++) if (MARKUP.has(line.charCodeAt(i))) markup++;
    const depth = containerDepth(line);
    if (depth > 0 || SETEXT.test(line)) blocks++;
    if (markup > MAX_MDX_MARKUP || blocks > MAX_MDX_BLOCKS || depth > MAX_MDX_NESTING) return false;
  }
  return true;
}

/** How many block containers a line opens: its indentation in steps of two, then each marker in a row. */
function containerDepth(line: string): number {
  let i = 0;
  let columns = 0;
  for (; i < line.length && (line[i] === ' ' || line[i] === '\t'); i++) columns += line[i] === '\t' ? 4 : 1;
  let depth = Math.floor(columns / 2);
  let rest = line.slice(i);
  for (let m = CONTAINER.exec(rest); m && depth <= MAX_MDX_NESTING; m = CONTAINER.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  return depth;
}

/** The rehype plugin for `.mdx`: the same allowlist and hardening as `.md`, components kept. */
export function rehypeMdxAllowlist() {
  const harden = rehypeHarden();
  return (tree: Root) => {
    toPlainHast(tree);
    const clean = sanitize(tree, mdxSchema) as Root;
    harden(clean);
    restoreComponents(clean);
    tree.children = clean.children;
  };
}

/** The line of an MDX compile error that says what is wrong, without next-mdx-remote's prefix or the code frame. */
export function mdxErrorReason(error: unknown): string {
  const lines = String((error as Error)?.message ?? error)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('[next-mdx-remote]'));
  const reason = lines[0] ?? 'unknown error';
  return reason.length > 120 ? `${reason.slice(0, 120)}…` : reason;
}
