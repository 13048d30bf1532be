// The front-matter schema: the single truth for what an article file may say.
import { z } from 'zod';
import { quote } from './front-matter';
import { canonicalPath } from './server/segments.mjs';
import { squish } from './text';
import { servedSegments } from './urls';

/**
 * The longest text each field may hold: far above anything a real article says, so only a mistake
 * or an attack meets them, and nothing downstream ever sees an unbounded string.
 */
export const LIMITS = {
  title: 500,
  excerpt: 5000,
  /** Author names, and a profile's name. */
  name: 200,
  category: 100,
  tag: 100,
  tags: 100,
  /** The sitemap protocol's limit, which every browser and crawler accepts. */
  url: 2048,
  /** One URL segment, and a folder name in the static export. */
  slug: 200,
  readTime: 100,
  bio: 5000,
  links: 100,
  label: 200,
  /** Corrections of one article, and the text of each. */
  corrections: 50,
  correction: 2000,
  /** Old paths of one article, and the length of each as written. */
  aliases: 20,
  alias: 300,
  /** A series name is a term, bounded as categories are. */
  series: 100,
  /** The highest part number of a series. */
  seriesPart: 1000,
} as const;

/** Characters as zod's length checks count them: code points, not UTF-16 units. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Stops a string's other checks; in a union (`inUnion`) it must not, or the union says only "must be …". */
const tooLong = (max: number, inUnion = false) => ({
  error: (issue: { input?: unknown }) =>
    `is ${codePoints(String(issue.input)).toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} are allowed`,
  abort: !inUnion,
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface CalendarDate {
  /** The calendar day as written, `YYYY-MM-DD`: what readers see, in every time zone. */
  day: string;
  /** The instant, ISO 8601 in UTC: what sorting and feeds use. */
  iso: string;
}

/** No form DATE reads comes near this many characters. */
const MAX_DATE = 64;

/** Parses `2025-11-14`, `2025-11-14T09:30:00Z` or `2025-11-14 09:30+02:00`; rejects impossible days. */
export function parseDate(value: string): CalendarDate | undefined {
  const trimmed = value.trim();
  const m = trimmed.length <= MAX_DATE ? DATE.exec(trimmed) : null;
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const dayOfMonth = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== dayOfMonth ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`);
  // Offsets can move an instant out of the four-digit years RFC 3339 (feeds) and sorting by text rely on.
  if (Number.isNaN(instant.getTime()) || !/^\d{4}-/.test(instant.toISOString())) return undefined;
  return { day: `${y}-${mo}-${d}`, iso: instant.toISOString() };
}

const dateField = z.unknown().transform((input, ctx): CalendarDate => {
  // YAML parsers that know timestamps hand over Date objects; ours keeps text, but accept both.
  const text = input instanceof Date && !Number.isNaN(input.getTime()) ? input.toISOString() : input;
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) {
    ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)' });
    return z.NEVER;
  }
  const parsed = typeof text === 'string' ? parseDate(text) : undefined;
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `${shown(text)} is not a real date (use YYYY-MM-DD or an ISO 8601 timestamp)`,
    });
    return z.NEVER;
  }
  return parsed;
});

/** A value as a message shows it: short, whatever its type or length. */
function shown(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  return value !== null && typeof value === 'object' ? 'a mapping' : String(value).slice(0, 80);
}

/**
 * Text that becomes a URL segment and a folder name in the export (slugs, terms): well-formed Unicode
 * without control characters, and short enough in UTF-8 for a file name (255 bytes on most disks).
 */
const MAX_SEGMENT_BYTES = 200;
const segmentSafe = (v: string) => v.isWellFormed() && !/\p{Cc}/u.test(v) && Buffer.byteLength(v) <= MAX_SEGMENT_BYTES;
const SEGMENT_MESSAGE = `must be well-formed text without control characters, at most ${MAX_SEGMENT_BYTES} bytes in UTF-8`;

const text = (what: string, max: number) =>
  z
    .union([z.string().max(max, tooLong(max, true)), z.number()], { error: `must be ${what}` })
    .transform((v) => squish(String(v)))
    .optional()
    .nullable();

const term = z
  .union([z.string().max(LIMITS.tag, tooLong(LIMITS.tag, true)), z.number()])
  .transform((v) => squish(String(v)))
  .refine(segmentSafe, SEGMENT_MESSAGE);

/** A name that is also a term (author, category): its page is a folder of the export. */
const termText = (what: string, max: number) =>
  text(what, max).refine((v) => v === null || v === undefined || segmentSafe(v), SEGMENT_MESSAGE);

/** Imports write `source: ''` or leave a `- ` list item empty: both mean "nothing", not an error. */
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const withoutBlanks = (value: unknown) =>
  Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined && blankAsMissing(v) !== undefined) : value;

/** A list holding more than `max` items is refused before any item is read. */
const atMost = (max: number, what: string) => (value: unknown, ctx: z.RefinementCtx) => {
  if (!Array.isArray(value) || value.length <= max) return value;
  ctx.addIssue({
    code: 'custom',
    message: `has ${value.length.toLocaleString('en')} ${what}; at most ${max} are allowed`,
  });
  return z.NEVER;
};

/** `new URL` rather than URL.canParse, whose fast path on Node 20 refuses valid non-ASCII hosts once warm. */
function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * `http(s)://`, then a host with a dot after its first character, and no white space anywhere, by
 * one scan each: a pattern with a repeated host part retries at every dot of a long host.
 */
function isHttpUrl(v: string): boolean {
  const scheme = /^https?:\/\//i.exec(v);
  if (!scheme || /\s/.test(v)) return false;
  const hostEnd = v.indexOf('/', scheme[0].length);
  const host = v.slice(scheme[0].length, hostEnd === -1 ? undefined : hostEnd);
  return host.indexOf('.', 1) !== -1 && parses(v);
}

const httpUrl = z
  .string({ error: 'must be a URL' })
  .trim()
  .max(LIMITS.url, tooLong(LIMITS.url))
  .refine(isHttpUrl, 'must be an absolute http(s) URL');

const imageRef = z
  .string({ error: 'must be a URL or a site path' })
  .trim()
  .max(LIMITS.url, tooLong(LIMITS.url))
  // Protocol-relative URLs (`//cdn.example.com/x.jpg`) are common in scraped markup: make them https.
  .transform((v) => (v.startsWith('//') ? `https:${v}` : v))
  .refine(
    (v) => (v.startsWith('/') && !v.startsWith('//')) || (/^https?:\/\//i.test(v) && parses(v)),
    'must be an http(s) URL or a path starting with /',
  );

/**
 * An old path of an article in the one spelling lib/urls.ts writes (canonicalPath: each segment
 * decoded and encoded again) without its final slash, or why it is not a path the site could redirect.
 * `/2025/11/14/Old-Slug/` becomes `/2025/11/14/Old-Slug`, `/caf%c3%a9` becomes `/caf%C3%A9`.
 */
export function normaliseAlias(written: string): { path: string } | { error: string } {
  const value = written.trim();
  const refuse = (why: string) => ({ error: `${quote(value)} ${why}` });
  if (!value.startsWith('/')) return refuse('must be a path of this site, starting with /');
  if (!value.isWellFormed()) return refuse('is not well-formed text');
  if (/\p{Cc}/u.test(value)) return refuse('must not contain control characters');
  if (/[?#]/.test(value)) return refuse('must be a path alone, without a query (?) or fragment (#)');
  if (value.includes('\\')) return refuse('must not contain a backslash');
  if (value.includes('//')) return refuse('must not contain // (an empty segment)');
  const trimmed = value.length > 1 && value.endsWith('/') ? value.slice(0, -1) : value;
  if (trimmed === '/') return refuse('is the home page');
  for (const segment of trimmed.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse(`has broken percent-encoding in ${quote(segment, 40)} (% must start %XX of UTF-8)`);
    }
    if (/\p{Cc}/u.test(decoded)) return refuse('must not contain control characters, even percent-encoded');
    if (decoded.includes('/') || decoded.includes('\\'))
      return refuse('must not contain an encoded slash or backslash (%2F, %5C)');
    if (decoded === '.' || decoded === '..') return refuse('must not have . or .. segments');
    // As segmentSafe allows: a static export writes each alias as folders, one a segment.
    if (Buffer.byteLength(decoded) > MAX_SEGMENT_BYTES)
      return refuse(`has a segment longer than ${MAX_SEGMENT_BYTES} bytes in UTF-8`);
  }
  const path = canonicalPath(trimmed);
  if (path === undefined) return refuse('is not a path the site could answer');
  const first = decodeURIComponent(path.split('/')[1]);
  if (servedSegments.has(first)) return refuse(`is under /${first}, which the site serves itself`);
  if (path.length > LIMITS.url) {
    return refuse(
      `is ${path.length.toLocaleString('en')} characters percent-encoded; at most ${LIMITS.url} are allowed`,
    );
  }
  return { path };
}

const alias = z
  .string({ error: 'must be a list of paths, e.g. [/2025/11/14/old-slug/]' })
  .max(LIMITS.alias, tooLong(LIMITS.alias))
  .transform((written, ctx) => {
    const result = normaliseAlias(written);
    if ('path' in result) return result.path;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });

const correction = z.object(
  {
    date: dateField,
    text: z
      .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
      .max(LIMITS.correction, tooLong(LIMITS.correction))
      .transform(squish)
      .refine((v) => v.length > 0, 'must not be empty'),
  },
  { error: 'must be a list of { date, text }' },
);

/** A part number, written as a number or as digits: `seriesPart: 2`, `seriesPart: '2'`. */
const seriesPart = z.unknown().transform((input, ctx): number | undefined => {
  if (input === undefined || input === null) return undefined;
  const n =
    typeof input === 'number'
      ? input
      : typeof input === 'string' && /^\d{1,9}$/.test(input.trim())
        ? Number(input)
        : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= LIMITS.seriesPart) return n;
  ctx.addIssue({
    code: 'custom',
    message: `${shown(input)} is not a part number: use a whole number from 1 to ${LIMITS.seriesPart.toLocaleString('en')}`,
  });
  return z.NEVER;
});

/** YAML's empty value (`updated:`) and an empty string both mean the field is missing. */
const missing = (value: unknown) => (value === null ? undefined : blankAsMissing(value));

export const frontMatterSchema = z.object({
  title: z
    .union([z.string().max(LIMITS.title, tooLong(LIMITS.title, true)), z.number()], {
      error: (iss) => (iss.input === undefined ? 'is required' : 'must be text'),
    })
    .transform((v) => String(v))
    .refine((v) => v.trim().length > 0, 'must not be empty'),
  date: dateField,
  updated: z.preprocess(missing, dateField.optional()),
  excerpt: text('text', LIMITS.excerpt),
  coverImage: z.preprocess(blankAsMissing, imageRef.optional().nullable()),
  author: termText('a name', LIMITS.name),
  tags: z.preprocess(
    (value, ctx) => withoutBlanks(atMost(LIMITS.tags, 'tags')(value, ctx)),
    z
      .array(term, { error: 'must be a list of words, e.g. [AI, Research]' })
      .optional()
      .nullable()
      .transform((v) => (v ?? []).filter((t) => t.length > 0)),
  ),
  category: termText('a single name', LIMITS.category),
  source: z.preprocess(blankAsMissing, httpUrl.optional().nullable()),
  draft: z.boolean({ error: 'must be true or false' }).optional().nullable(),
  readTime: z
    .union([z.string().max(LIMITS.readTime, tooLong(LIMITS.readTime, true)), z.number()], {
      error: 'must be text or a number',
    })
    .optional()
    .nullable(),
  slug: z.preprocess(
    blankAsMissing,
    z
      .string({ error: 'must be text' })
      .trim()
      .max(LIMITS.slug, tooLong(LIMITS.slug))
      .refine(
        (v) => v.length > 0 && !/^[_.]/.test(v) && !/[\s/?#%\\]/.test(v),
        'must be one URL segment: no spaces, slashes, ?, # or %, and not starting with _ or .',
      )
      .refine(segmentSafe, SEGMENT_MESSAGE)
      .optional()
      .nullable(),
  ),
  /** Newest first; a correction counts as an update of the article. */
  corrections: z.preprocess(
    (value, ctx) => withoutBlanks(atMost(LIMITS.corrections, 'corrections')(value, ctx)),
    z
      .array(correction, { error: 'must be a list of { date, text }' })
      .optional()
      .nullable()
      .transform((list) => newestFirst(list ?? [])),
  ),
  /** Old paths of the article, each once, normalised. */
  aliases: z.preprocess(
    (value, ctx) => withoutBlanks(atMost(LIMITS.aliases, 'aliases')(value, ctx)),
    z
      .array(alias, { error: 'must be a list of paths, e.g. [/2025/11/14/old-slug/]' })
      .optional()
      .nullable()
      .transform((list) => [...new Set(list ?? [])]),
  ),
  series: termText('a single name', LIMITS.series),
  seriesPart: z.preprocess(missing, seriesPart),
});

/** Corrections by date, the newest first; corrections of one instant keep their order. */
function newestFirst<T extends { date: CalendarDate }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.date.iso === b.date.iso ? 0 : a.date.iso < b.date.iso ? 1 : -1));
}

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** An author profile: `_authors/<any-name>.md` in the content folder; the body is a longer bio. */
export const authorProfileSchema = z.object({
  name: z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .max(LIMITS.name, tooLong(LIMITS.name))
    .min(1, 'must not be empty'),
  bio: z.string({ error: 'must be text' }).trim().max(LIMITS.bio, tooLong(LIMITS.bio)).optional().nullable(),
  avatar: z.preprocess(blankAsMissing, imageRef.optional().nullable()),
  links: z.preprocess(
    atMost(LIMITS.links, 'links'),
    z
      .array(
        z.object({
          label: z.string({ error: 'needs a label' }).trim().max(LIMITS.label, tooLong(LIMITS.label)).min(1),
          url: httpUrl,
        }),
        { error: 'must be a list of { label, url }' },
      )
      .optional()
      .nullable()
      .transform((v) => v ?? []),
  ),
});

export type AuthorProfileFields = z.output<typeof authorProfileSchema>;
