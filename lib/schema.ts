// The front-matter schema: the single truth for what an article file may say.
import { z } from 'zod';
import { squish } from './text';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface CalendarDate {
  /** The calendar day as written, `YYYY-MM-DD`: what readers see, in every time zone. */
  day: string;
  /** The instant, ISO 8601 in UTC: what sorting and feeds use. */
  iso: string;
}

/** Parses `2025-11-14`, `2025-11-14T09:30:00Z` or `2025-11-14 09:30+02:00`; rejects impossible days. */
export function parseDate(value: string): CalendarDate | undefined {
  const m = DATE.exec(value.trim());
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
  if (Number.isNaN(instant.getTime())) return undefined;
  return { day: `${y}-${mo}-${d}`, iso: instant.toISOString() };
}

const dateField = z.unknown().transform((input, ctx): CalendarDate => {
  // YAML parsers that know timestamps hand over Date objects; ours keeps text, but accept both.
  const text = input instanceof Date && !Number.isNaN(input.getTime()) ? input.toISOString() : input;
  if (text === undefined || text === null || text === '') {
    ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)' });
    return z.NEVER;
  }
  const parsed = typeof text === 'string' ? parseDate(text) : undefined;
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(text)} is not a real date (use YYYY-MM-DD or an ISO 8601 timestamp)`,
    });
    return z.NEVER;
  }
  return parsed;
});

const text = (what: string) =>
  z
    .union([z.string(), z.number()], { error: `must be ${what}` })
    .transform((v) => squish(String(v)))
    .optional()
    .nullable();

const term = z.union([z.string(), z.number()]).transform((v) => squish(String(v)));

/** Imports write `source: ''` or leave a `- ` list item empty: both mean "nothing", not an error. */
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const withoutBlanks = (value: unknown) =>
  Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined && blankAsMissing(v) !== undefined) : value;

const httpUrl = z
  .string({ error: 'must be a URL' })
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(v) && URL.canParse(v), 'must be an absolute http(s) URL');

const imageRef = z
  .string({ error: 'must be a URL or a site path' })
  .trim()
  // Protocol-relative URLs (`//cdn.example.com/x.jpg`) are common in scraped markup: make them https.
  .transform((v) => (v.startsWith('//') ? `https:${v}` : v))
  .refine(
    (v) => (v.startsWith('/') && !v.startsWith('//')) || (/^https?:\/\//i.test(v) && URL.canParse(v)),
    'must be an http(s) URL or a path starting with /',
  );

export const frontMatterSchema = z.object({
  title: z
    .union([z.string(), z.number()], { error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .transform((v) => String(v))
    .refine((v) => v.trim().length > 0, 'must not be empty'),
  date: dateField,
  updated: dateField.optional(),
  excerpt: text('text'),
  coverImage: z.preprocess(blankAsMissing, imageRef.optional().nullable()),
  author: text('a name'),
  tags: z.preprocess(
    withoutBlanks,
    z
      .array(term, { error: 'must be a list of words, e.g. [AI, Research]' })
      .optional()
      .nullable()
      .transform((v) => (v ?? []).filter((t) => t.length > 0)),
  ),
  category: text('a single name'),
  source: z.preprocess(blankAsMissing, httpUrl.optional().nullable()),
  draft: z.boolean({ error: 'must be true or false' }).optional().nullable(),
  readTime: z.union([z.string(), z.number()], { error: 'must be text or a number' }).optional().nullable(),
  slug: z.preprocess(
    blankAsMissing,
    z
      .string({ error: 'must be text' })
      .trim()
      .regex(
        /^(?![_.])[^\s/?#%\\]+$/,
        'must be one URL segment: no spaces, slashes, ?, # or %, and not starting with _ or .',
      )
      .optional()
      .nullable(),
  ),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** An author profile: `_authors/<any-name>.md` in the content folder; the body is a longer bio. */
export const authorProfileSchema = z.object({
  name: z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty'),
  bio: z.string({ error: 'must be text' }).trim().optional().nullable(),
  avatar: z.preprocess(blankAsMissing, imageRef.optional().nullable()),
  links: z
    .array(z.object({ label: z.string({ error: 'needs a label' }).trim().min(1), url: httpUrl }), {
      error: 'must be a list of { label, url }',
    })
    .optional()
    .nullable()
    .transform((v) => v ?? []),
});

export type AuthorProfileFields = z.output<typeof authorProfileSchema>;
