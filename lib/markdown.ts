// Renders untrusted `.md` bodies to safe HTML: markdown-it (CommonMark, tables, strikethrough,
// footnotes, links) with raw HTML kept, then parsed as HTML, sanitised against an allowlist and hardened.
import type { Element, Root } from 'hast';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeHighlight } from './highlight';
import { MAX_DEPTH, parseHtmlBounded } from './html-tree';
import { rehypeOutline } from './outline';
import { site } from './site';

const EMBED_HOSTS = new Set([
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'youtube-nocookie.com',
  'player.vimeo.com',
]);

/** Video embeds that may stay: https only, from the hosts above. */
export function isAllowedEmbed(src: unknown): src is string {
  if (typeof src !== 'string' || !src.startsWith('https://')) return false;
  try {
    return EMBED_HOSTS.has(new URL(src).host);
  } catch {
    return false;
  }
}

/*
 * Embeds carry no `sandbox`: YouTube's and Vimeo's players stop playing without both `allow-scripts`
 * and `allow-same-origin`, and with both a frame may lift its own sandbox, so the attribute would be
 * decoration (the W3C checker calls it an error). What holds an embed is that it is cross-origin (it
 * cannot reach this page), comes only from the hosts above (here and in the CSP's frame-src), loads
 * lazily and sends no more than the origin as referrer.
 */

const globalAttributes = (defaultSchema.attributes?.['*'] ?? []).filter(
  (a) => !['tabIndex', 'accessKey', 'action', 'method', 'encType', 'acceptCharset', 'accept'].includes(String(a)),
);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'iframe',
    'mark',
    'cite',
    'small',
    'u',
    'abbr',
    'time',
  ],
  strip: ['script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea', 'select', 'object', 'embed', 'title'],
  attributes: {
    ...defaultSchema.attributes,
    '*': globalAttributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen'],
    // A srcset is a list of URLs the sanitiser's protocol check does not read: <source> keeps none.
    source: [],
  },
  // Checkboxes exist for GFM task lists; anywhere else an <input> is a form remnant.
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'], href: ['http', 'https', 'mailto'] },
};

/** Whether a link leaves the site, resolved as a browser would (`//host`, `http:host`, backslashes). */
function isExternal(href: string): boolean {
  try {
    const url = new URL(href, `${site.url}/`);
    return /^https?:$/.test(url.protocol) && url.host !== new URL(site.url).host;
  } catch {
    return true;
  }
}

/** After sanitising: external links lose referrer and ranking, images lazy-load, only known video embeds stay. */
export function rehypeHarden() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element, index, parent) => {
      const p = node.properties;
      if (node.tagName === 'a' && typeof p.href === 'string') {
        if (isExternal(p.href)) p.rel = ['nofollow', 'noopener', 'noreferrer'];
        // The sanitiser prefixes ids against DOM clobbering; fragment links must follow.
        const fragment = p.href.startsWith('#') ? p.href.slice(1) : undefined;
        if (fragment && !ids.has(fragment) && ids.has(`user-content-${fragment}`)) p.href = `#user-content-${fragment}`;
      } else if (node.tagName === 'img') {
        p.loading = 'lazy';
        p.decoding = 'async';
        if (!p.alt) p.alt = '';
      } else if (node.tagName === 'iframe') {
        if (!isAllowedEmbed(p.src)) {
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return index;
        }
        p.loading = 'lazy';
        p.referrerPolicy = 'strict-origin-when-cross-origin';
        p.title ||= 'Embedded video';
      }
    });
  };
}

/**
 * Markdown to HTML, raw HTML passed through for the sanitiser. Indented code is off: scraped articles
 * keep tab-indented widget leftovers, which would become code blocks (MDX turns it off for the same
 * reason); code is written fenced. Bare URLs become links only with their scheme, as in GFM's
 * `http://` form: "OpenAI.com" in a sentence stays text.
 */
const plainMarkdown = () => {
  const md = new MarkdownIt({ html: true, linkify: true }).disable('code');
  md.linkify.set({ fuzzyLink: false });
  return md;
};
const markdown = plainMarkdown().use(footnote);
/**
 * markdown-it-footnote appends each footnote's tokens by copying the whole token list, which grows
 * with the square of their count: a body with more footnote marks than any article is rendered
 * without footnotes (the marks stay as text).
 */
const MAX_FOOTNOTE_MARKS = 500;
const withoutFootnotes = plainMarkdown();

function markdownFor(source: string): ReturnType<typeof plainMarkdown> {
  let marks = 0;
  for (const mark of ['[^', '^[']) {
    for (let i = source.indexOf(mark); i !== -1; i = source.indexOf(mark, i + 2)) {
      if (++marks > MAX_FOOTNOTE_MARKS) return withoutFootnotes;
    }
  }
  return markdown;
}

// Parsed by parseHtmlBounded rather than rehype-parse: no deeper than the tools after it can recurse.
const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeHarden).use(rehypeStringify).freeze();
/**
 * An article's body also gets what only our code writes, after the sanitiser: highlighted code
 * (lib/highlight.ts), heading anchors and contents (lib/outline.ts).
 */
const articleSanitizer = unified()
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeHarden)
  .use(rehypeHighlight)
  .use(rehypeOutline)
  .use(rehypeStringify)
  .freeze();

function render(processor: typeof sanitizer, source: string): string {
  const tree = processor.runSync(parseHtmlBounded(markdownFor(source).render(source)).tree);
  return processor.stringify(tree).trimEnd();
}

/**
 * Markdown with raw HTML in, sanitised HTML out (an author's bio). Deterministic, so callers may cache
 * by content. markdown-it rather than remark: it is many times faster on the same bodies, and the HTML
 * parser, sanitiser and hardening after it are the same (docs/performance.md has the numbers).
 */
export function renderMarkdown(source: string): string {
  return render(sanitizer, source);
}

/**
 * An article's body as a feed carries it (full-text feeds): sanitised like a page's, every URL made
 * absolute against the article's own, since a feed reader shows it away from the site.
 */
export function renderFeedBody(source: string, articleUrl: string): string {
  const processor = unified()
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHarden)
    .use(rehypeAbsoluteUrls, articleUrl)
    .use(rehypeStringify);
  const tree = processor.runSync(parseHtmlBounded(markdownFor(source).render(source)).tree);
  return processor.stringify(tree).trimEnd();
}

const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/** Every link and source of the tree, absolute against `base`; one that does not resolve is dropped. */
function rehypeAbsoluteUrls(base: string) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      // A list of URLs is not rewritten: the image keeps its one src.
      delete node.properties.srcSet;
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value !== 'string') continue;
        if (URL.canParse(value, base)) node.properties[name] = new URL(value, base).href;
        else delete node.properties[name];
      }
    });
  };
}

/** An article's body: renderMarkdown, then highlighted code, anchored headings and a table of contents. */
export function renderArticleBody(source: string): string {
  return render(articleSanitizer, source);
}

/**
 * How many levels a `.md` body's HTML nests, when that is more than pages keep (MAX_DEPTH): for
 * content:check. Only raw HTML nests that deep (markdown-it stops at 100), so a body with fewer tags
 * is not rendered to find out.
 */
export function excessNesting(source: string): number | undefined {
  let tags = 0;
  for (let i = source.indexOf('<'); i !== -1 && tags < MAX_DEPTH; i = source.indexOf('<', i + 1)) tags++;
  if (tags < MAX_DEPTH) return undefined;
  const { depth } = parseHtmlBounded(markdownFor(source).render(source));
  return depth > MAX_DEPTH ? depth : undefined;
}
