// Taxonomy terms (tags, categories, authors): merging spellings, display names and unique slugs.
import { createHash } from 'node:crypto';
import { slugify } from './urls';

export interface Term {
  /** Identity: the lower-cased, space-collapsed spelling. */
  key: string;
  name: string;
  slug: string;
}

export function termKey(spelling: string): string {
  return spelling.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function capitals(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== ch.toLowerCase()) n++;
  return n;
}

/** The spelling readers see: the most capital letters (`AI`, `OpenAI`), then the most used, then by code point. */
export function displayName(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort(
    ([a, na], [b, nb]) => capitals(b) - capitals(a) || nb - na || (a < b ? -1 : a > b ? 1 : 0),
  )[0][0];
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
    const spelling = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!spelling) continue;
    const key = termKey(spelling);
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
      const name = overrides[key] ?? displayName(seen.get(key) ?? new Map());
      terms.set(key, { key, name, slug });
    }
  }
  return terms;
}
