// An article's dates as readers and machines see them: the calendar day written out, and when the
// article last changed ("a correction counts as an update").
import type { Article } from './content';
import type { CalendarDate } from './schema';
import { site } from './site';

const format = new Intl.DateTimeFormat(site.locale, { dateStyle: 'long', timeZone: 'UTC' });

/** `November 14, 2025`: the day as written in the front-matter, the same in every time zone. */
export function formatDay(date: CalendarDate): string {
  const [y, m, d] = date.day.split('-').map(Number);
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * When the article last changed: the latest of `updated` and every correction's date, by instant;
 * undefined when it has neither.
 */
export function lastModified(article: Pick<Article, 'updated' | 'corrections'>): CalendarDate | undefined {
  let latest = article.updated;
  for (const { date } of article.corrections) if (!latest || date.iso > latest.iso) latest = date;
  return latest;
}

/**
 * Whether `a` reads as later than `b`: a later day, or the same day at a later instant. Days first,
 * as readers see them: a time zone can put a later day at an earlier instant.
 */
export function isLater(a: CalendarDate, b: CalendarDate): boolean {
  return a.day > b.day || (a.day === b.day && a.iso > b.iso);
}

/** A date-only value is midnight UTC of its day: it says nothing about the hour. */
const hasTime = (d: CalendarDate) => d.iso !== `${d.day}T00:00:00.000Z`;

/**
 * Whether `a` is certainly before `b`: an earlier day, or the same day at an earlier hour when both
 * give one (`2025-11-14` and `2025-11-14T09:00Z` are the same day, not one before the other).
 */
export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a.day < b.day || (a.day === b.day && hasTime(a) && hasTime(b) && a.iso < b.iso);
}
