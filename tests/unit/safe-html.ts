// A check of rendered HTML that shares no code with the renderer: node-html-parser, not parse5.
import { parse } from 'node-html-parser';
import { isAllowedEmbed } from '@/lib/markdown';

const BANNED_TAGS = new Set([
  'script',
  'style',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'form',
  'template',
  'svg',
  'math',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'background', 'xlink:href']);
const BANNED_ATTRIBUTES = new Set(['style', 'srcdoc', 'formaction', 'xlink:href', 'sandbox']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip control characters in a URL's scheme.
const CONTROL = /[\x00-\x1f]/g;

/** Every way HTML could run script or frame a foreign page, as a list of findings (empty: safe). */
export function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const el of parse(html, { comment: false }).querySelectorAll('*')) {
    const tag = el.rawTagName.toLowerCase();
    if (BANNED_TAGS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'iframe' && !isAllowedEmbed(el.getAttribute('src'))) found.push(`iframe ${el.getAttribute('src')}`);
    for (const name of Object.keys(el.rawAttributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on') || BANNED_ATTRIBUTES.has(attr) || attr.includes(':')) found.push(`${tag}[${attr}]`);
      // What a browser would do with the value: entities decoded, control characters and spaces ignored.
      const url = el.getAttribute(name)?.replace(/\s/g, '').replace(CONTROL, '').toLowerCase() ?? '';
      if (URL_ATTRIBUTES.has(attr) && /^(javascript|vbscript|data|file):/.test(url))
        found.push(`${tag}[${attr}]=${url}`);
    }
  }
  return found;
}
