// Untrusted HTML to a hast tree of bounded depth. parse5 builds its tree with a stack of open
// elements, whatever the depth, but everything after it (hast conversion, the sanitiser, the
// serialiser, React) recurses once per level: a body of thousands of nested elements would overflow
// the stack and fail its page. So elements below MAX_DEPTH are unwrapped here, in one iterative pass,
// keeping their text.
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { type DefaultTreeAdapterTypes as P5, parseFragment } from 'parse5';

/** Browsers keep about 512 levels; a body sits ~10 deep in its page, and no real article nears this. */
export const MAX_DEPTH = 256;

const isElement = (node: P5.ChildNode): node is P5.Element => 'tagName' in node;

/**
 * Replaces the children of every element at MAX_DEPTH by the text below it, in document order, and
 * drops `<template>` contents (the sanitiser removes them anyway). Returns how deep the input went.
 */
export function flattenDeep(fragment: P5.DocumentFragment, maxDepth = MAX_DEPTH): number {
  let deepest = 0;
  const stack: [P5.ParentNode, number][] = [[fragment, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [P5.ParentNode, number];
    deepest = Math.max(deepest, depth);
    if (depth === maxDepth && node.childNodes.some(isElement)) {
      const { text, depth: below } = textBelow(node);
      deepest = Math.max(deepest, depth + below);
      node.childNodes = text;
      for (const t of text) t.parentNode = node as P5.Element;
      continue;
    }
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'template') (child as P5.Template).content.childNodes = [];
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function textBelow(root: P5.ParentNode): { text: P5.TextNode[]; depth: number } {
  const text: P5.TextNode[] = [];
  let depth = 0;
  // Children are pushed in reverse so they pop in document order.
  const stack: [P5.ChildNode, number][] = root.childNodes.map((c): [P5.ChildNode, number] => [c, 1]).reverse();
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [P5.ChildNode, number];
    depth = Math.max(depth, d);
    if (node.nodeName === '#text') text.push(node as P5.TextNode);
    else if (isElement(node) && node.tagName !== 'template') {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push([node.childNodes[i], d + 1]);
    }
  }
  return { text, depth };
}

/**
 * HTML reopens every formatting element still open (`<b>`, `<i>`, `<a>`…) at each new paragraph, so
 * thousands left unclosed, each with other attributes, make a tree quadratic in size: seconds and
 * gigabytes for a few kilobytes. Real markup leaves a few open; past MAX_UNCLOSED the formatting tags
 * are dropped, keeping their text.
 */
const MAX_UNCLOSED = 100;
const FORMATTING = /<(\/?)(a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\s/>])[^>]*>?/gi;

export function withoutUnclosedFormatting(html: string): string {
  let open = 0;
  for (const m of html.matchAll(FORMATTING)) {
    open = m[1] ? Math.max(0, open - 1) : open + 1;
    if (open > MAX_UNCLOSED) return html.replace(FORMATTING, '');
  }
  return html;
}

/** An HTML fragment as hast, no deeper than MAX_DEPTH, with the depth it had. */
export function parseHtmlBounded(html: string, maxDepth = MAX_DEPTH): { tree: Root; depth: number } {
  const fragment = parseFragment(withoutUnclosedFormatting(html));
  const depth = flattenDeep(fragment, maxDepth);
  return { tree: fromParse5(fragment) as Root, depth };
}
