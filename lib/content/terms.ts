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
const collapse = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\s{2,}|(?! )\s/g, ' ')
    .trim();

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

/**
 * Turns every spelling seen into terms with unique slugs. When two different terms slugify alike
 * (`AI/ML`, `AI ML`), the one whose key already is the slug keeps it and the others get a suffix
 * derived from their own key, so a slug never changes because another term appeared.
 */
export function buildTerms(spellings: Iterable<string>, overrides: Record<string, string> = {}): Map<string, Term> {
  const seen = new Map<string, Map<string, number>>();
  for (const raw of spellings) {
    const spelling = collapse(raw);
    if (!spelling) continue;
    const key = spelling.toLowerCase();
    const counts = seen.get(key) ?? new Map<string, number>();
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    seen.set(key, counts);
  }

  const byBase = new Map<string, string[]>();
  for (const key of seen.keys()) {
    const base = slugify(key) || `term-${shortHash(key)}`;
    const keys = byBase.get(base);
    if (keys) keys.push(key);
    else byBase.set(base, [key]);
  }

  const terms = new Map<string, Term>();
  for (const [base, keys] of byBase) {
    for (const key of keys) {
      const slug = keys.length === 1 || key === base ? base : `${base}-${shortHash(key)}`;
      const name =
        (Object.hasOwn(overrides, key) ? overrides[key] : undefined) ?? displayName(seen.get(key) ?? new Map());
      terms.set(key, { key, name, slug });
    }
  }
  return terms;
}
