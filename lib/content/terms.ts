// Taxonomy terms (tags, categories, authors): merging spellings, display names and unique slugs.
import { createHash } from 'node:crypto';
import { slugify } from '../urls';

export interface Term {
  /** Identity: the lower-cased, space-collapsed spelling. */
  key: string;
  name: string;
  slug: string;
}

/** Runs of white space as one space; a lone plain space is left alone, which saves most replacements. */
const collapseNow = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\s{2,}|(?! )\s/g, ' ')
    .trim();

/**
 * Spellings already collapsed: a folder repeats a few hundred names over 100,000 articles, and the index
 * looks each up every time it makes an article. Short names only, and a bounded number of them.
 */
const collapsed = new Map<string, string>();

function collapse(text: string): string {
  if (text.length > 200) return collapseNow(text);
  let done = collapsed.get(text);
  if (done === undefined) {
    if (collapsed.size >= 10_000) collapsed.clear();
    done = collapseNow(text);
    collapsed.set(text, done);
  }
  return done;
}

export function termKey(spelling: string): string {
  return collapse(spelling).toLowerCase();
}

function capitals(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== ch.toLowerCase()) n++;
  return n;
}

/** The spelling readers see: the most capital letters (`AI`, `OpenAI`), then the most used, then by code point. */
export function displayName(spellings: Map<string, number>): string {
  // Capitals counted once per spelling, not once per comparison.
  const ranked = [...spellings].map(([text, uses]) => ({ text, uses, capitals: capitals(text) }));
  ranked.sort((a, b) => b.capitals - a.capitals || b.uses - a.uses || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return ranked[0].text;
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 6);
}

/** The slug a key would have alone; look-alikes that share it are told apart in TermBook.settle. */
const baseSlug = (key: string) => slugify(key) || `term-${shortHash(key)}`;

/**
 * The terms of one kind (tags, say) kept as articles come and go: each spelling counted, so that a
 * change costs the keys it touches and not a count of the whole folder again. When two different terms
 * slugify alike (`AI/ML`, `AI ML`), the one whose key already is the slug keeps it and the others get a
 * suffix derived from their own key, so a slug never changes because another term appeared.
 */
export class TermBook {
  /** Uses of each spelling, by key. */
  readonly #spellings = new Map<string, Map<string, number>>();
  /** Keys by the slug they would have alone, in the order first seen. */
  readonly #bases = new Map<string, Set<string>>();
  readonly #terms = new Map<string, Term>();
  /** Keys whose spellings or override changed since the last settle(). */
  readonly #dirty = new Set<string>();
  #overrides: Record<string, string>;

  constructor(overrides: Record<string, string> = {}) {
    this.#overrides = overrides;
  }

  /** One more use of a spelling (`by` 1), or one fewer (-1); blank spellings are no term. */
  count(raw: string, by: 1 | -1): void {
    const spelling = collapse(raw);
    if (!spelling) return;
    const key = spelling.toLowerCase();
    const uses = this.#spellings.get(key) ?? new Map<string, number>();
    this.#spellings.set(key, uses);
    const n = (uses.get(spelling) ?? 0) + by;
    if (n > 0) uses.set(spelling, n);
    else uses.delete(spelling);
    if (uses.size === 0) this.#spellings.delete(key);
    this.#dirty.add(key);
  }

  /** Names that win over every spelling (a profile's, `termNames`), by key. */
  setOverrides(overrides: Record<string, string>): void {
    for (const key of new Set([...Object.keys(this.#overrides), ...Object.keys(overrides)])) {
      if (this.#overrides[key] !== overrides[key]) this.#dirty.add(key);
    }
    this.#overrides = overrides;
  }

  /** The term of a spelling, as of the last settle(). */
  get(spelling: string): Term | undefined {
    return this.#terms.get(termKey(spelling));
  }

  byKey(key: string): Term | undefined {
    return this.#terms.get(key);
  }

  /** Every term, look-alikes together, in the order their slugs were first seen. */
  all(): Map<string, Term> {
    const all = new Map<string, Term>();
    for (const keys of this.#bases.values()) for (const key of keys) all.set(key, this.#terms.get(key) as Term);
    return all;
  }

  /**
   * Makes the terms of the keys counted since the last call, and gives the keys whose term is new, gone
   * or spelled or slugged anew. A term stays one object for as long as its key is counted, and is changed
   * in place when it is respelled: every article holding it then shows the new name without being made
   * again (making again the 24,000 articles of a respelled tag took 200 ms).
   */
  settle(): Set<string> {
    const touched = new Set<string>();
    for (const key of this.#dirty) {
      touched.add(key);
      const base = baseSlug(key);
      const keys = this.#bases.get(base) ?? new Set<string>();
      const counted = this.#spellings.has(key);
      if (counted === keys.has(key)) continue;
      // A look-alike came or went: every slug of the group may change with it.
      for (const other of keys) touched.add(other);
      if (counted) keys.add(key);
      else keys.delete(key);
      if (keys.size > 0) this.#bases.set(base, keys);
      else this.#bases.delete(base);
    }
    this.#dirty.clear();
    const changed = new Set<string>();
    for (const key of touched) {
      const term = this.#terms.get(key);
      const now = this.#make(key);
      if (term && now && term.name === now.name && term.slug === now.slug) continue;
      if (term && now) Object.assign(term, now);
      else if (now) this.#terms.set(key, now);
      else this.#terms.delete(key);
      if (term || now) changed.add(key);
    }
    return changed;
  }

  #make(key: string): Term | undefined {
    const uses = this.#spellings.get(key);
    if (!uses) return undefined;
    const base = baseSlug(key);
    const keys = this.#bases.get(base) as Set<string>;
    const slug = keys.size === 1 || key === base ? base : `${base}-${shortHash(key)}`;
    const name = (Object.hasOwn(this.#overrides, key) ? this.#overrides[key] : undefined) ?? displayName(uses);
    return { key, name, slug };
  }
}

/** Turns every spelling seen into terms with unique slugs (see TermBook), by key. */
export function buildTerms(spellings: Iterable<string>, overrides: Record<string, string> = {}): Map<string, Term> {
  const book = new TermBook(overrides);
  for (const spelling of spellings) book.count(spelling, 1);
  book.settle();
  return book.all();
}
