// Random changes to a content folder, for the tests that hold an index patched change by change against
// a fresh read of the folder. The files are few, so that changes collide: two files with one slug, an
// alias that is another article's URL, a tag spelled three ways, a draft, a profile, a broken file.
import { existsSync, mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Paths below the folder: articles in folders and out (`sub/` sorts before `sub-x.md`), two with one name. */
export const ARTICLE_PATHS = ['a.md', 'b.md', 'B.md', 'sub/a.md', 'sub/deeper/c.md', 'sub-x.md', 'z.mdx'];
export const PROFILE_PATHS = ['_authors/ada.md', '_authors/bob.md'];
/** Files the loader passes over. */
export const HIDDEN_PATHS = ['_drafts/h.md', '.git/g.md'];

const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const articleSource = fc
  .record({
    title: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Éclair', 'Eclair'),
    // One day in several spellings and zones: the order by time and the month by calendar day disagree.
    date: fc.constantFrom('2026-05-01', '2026-04-30T23:30:00-05:00', '2026-05-01T01:00:00Z', '2025-12-31'),
    slug: maybe(['shared', 'b', 'other']),
    // Few at a time, so that a look-alike (AI/ML, AI ML, ai-ml) often comes in a file of its own.
    tags: fc.subarray(
      ['AI', 'ai', 'Ai', 'AI/ML', 'AI ML', 'ai-ml', 'Machine learning', 'machine Learning', 'Robotics'],
      {
        maxLength: 3,
      },
    ),
    category: maybe(['News', 'news', 'Research']),
    series: maybe(['Deep Dive', 'deep dive']),
    author: maybe(['Ada Winters', 'ada winters', 'Bob']),
    aliases: fc.subarray(['/old/one', '/old/two', '/articles/a', '/articles/shared']),
    draft: fc.boolean(),
    broken: fc.constantFrom(undefined, undefined, undefined, 'date', 'yaml'),
  })
  .map((a) =>
    [
      '---',
      `title: ${JSON.stringify(a.title)}`,
      `date: ${a.broken === 'date' ? '"2026-13-45"' : JSON.stringify(a.date)}`,
      a.slug && `slug: ${a.slug}`,
      `tags: ${JSON.stringify(a.tags)}`,
      a.category && `category: ${a.category}`,
      a.series && `series: ${a.series}\nseriesPart: 1`,
      a.author && `author: ${a.author}`,
      a.aliases.length > 0 && `aliases: ${JSON.stringify(a.aliases)}`,
      a.draft && 'draft: true',
      a.broken === 'yaml' && 'title: [unclosed',
      '---',
      `Body of ${a.title}.`,
      '',
    ]
      .filter((line) => typeof line === 'string')
      .join('\n'),
  );

const profileSource = fc
  .constantFrom('Ada Winters', 'ADA WINTERS', 'Bob', '')
  .map((name) => `---\nname: ${JSON.stringify(name)}\n---\nA bio.\n`);

export type Change =
  | { kind: 'write'; file: string; source: string }
  | { kind: 'delete'; file: string }
  | { kind: 'rename'; from: string; to: string };

const anyPath = fc.constantFrom(...ARTICLE_PATHS, ...HIDDEN_PATHS, ...PROFILE_PATHS);

export const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write'),
      file: fc.constantFrom(...ARTICLE_PATHS),
      source: articleSource,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('write'), file: fc.constantFrom(...HIDDEN_PATHS), source: articleSource }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('write'),
      file: fc.constantFrom(...PROFILE_PATHS),
      source: profileSource,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete'), file: anyPath }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename'), from: anyPath, to: anyPath }) },
) as fc.Arbitrary<Change>;

let clock = Date.now();

/**
 * Makes the change in `dir` and gives the absolute paths it touched. Every write gets a later modification
 * time than any before it, so that a file's stamp always changes with its text.
 */
export function applyChange(dir: string, c: Change): string[] {
  const at = (file: string) => path.join(dir, file);
  if (c.kind === 'write') {
    mkdirSync(path.dirname(at(c.file)), { recursive: true });
    writeFileSync(at(c.file), c.source);
    clock += 2000;
    utimesSync(at(c.file), new Date(clock), new Date(clock));
    return [at(c.file)];
  }
  if (c.kind === 'delete') {
    rmSync(at(c.file), { force: true });
    return [at(c.file)];
  }
  if (c.from === c.to || !existsSync(at(c.from))) return [];
  mkdirSync(path.dirname(at(c.to)), { recursive: true });
  renameSync(at(c.from), at(c.to));
  return [at(c.from), at(c.to)];
}

/**
 * The index as plain data, every map as its entries in order, for deep comparison: the order of a map is
 * part of what pages show (months newest first), except for `bySlug`, which pages only look up in.
 */
export function plainIndex(value: unknown, key?: string): unknown {
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => [k, plainIndex(v)]);
    return key === 'bySlug' ? entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
  }
  if (Array.isArray(value)) return value.map((v) => plainIndex(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plainIndex(v, k)]),
    );
  }
  return value;
}
