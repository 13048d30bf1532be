// Editorial warnings over a content folder: things that build fine but a reader or editor would mind.
import type { ParsedArticle } from './content';
import { termKey } from './content/terms';
import { isBefore } from './dates';
import type { CalendarDate } from './schema';
import { clip } from './text';

export interface Finding {
  kind: string;
  files: string[];
  detail: string;
}

const PLACEHOLDER_HOSTS = /(^|\.)(example\.(com|org|net)|localhost|test|invalid)$/i;

function groupsOf<T>(items: T[], key: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A source URL without its query, fragment or final slash: two imports of one story compare equal. */
function sameSource(source: string): string {
  const end = source.search(/[?#]/);
  const base = end === -1 ? source : source.slice(0, end);
  return base.endsWith('/') ? base.slice(0, -1) : base;
}

/** `2026-01-09 < 2026-01-10`, or the instants when both are one day. */
const earlier = (a: CalendarDate, b: CalendarDate) => (a.day === b.day ? `${a.iso} < ${b.iso}` : `${a.day} < ${b.day}`);

/** Warnings, grouped by kind. `today` is `YYYY-MM-DD`, passed in so the check is deterministic. */
export function findWarnings(articles: ParsedArticle[], today: string): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: string, files: string[], detail: string) => findings.push({ kind, files, detail });

  for (const group of groupsOf(articles, (a) => a.source && sameSource(a.source))) {
    add(
      'duplicate source URL',
      group.map((a) => a.file),
      clip(group[0].source ?? ''),
    );
  }
  for (const group of groupsOf(articles, (a) => a.title.toLowerCase())) {
    add(
      'duplicate title',
      group.map((a) => a.file),
      clip(group[0].title),
    );
  }
  for (const a of articles) {
    if (a.source && PLACEHOLDER_HOSTS.test(new URL(a.source).hostname))
      add('placeholder source', [a.file], clip(a.source));
    if (/\d{5,}/.test(a.title)) add('machine-looking title', [a.file], clip(a.title));
    if (a.date.day > today) add('future date', [a.file], a.date.day);
    if (a.excerptFromBody) add('missing excerpt', [a.file], 'made from the body');
    if (!a.coverImage) add('missing cover image', [a.file], '');
    if (a.updated && isBefore(a.updated, a.date)) add('updated before date', [a.file], earlier(a.updated, a.date));
    const early = a.corrections.filter((c) => isBefore(c.date, a.date));
    if (early.length > 0) {
      add('correction dated before the article', [a.file], early.map((c) => earlier(c.date, a.date)).join(', '));
    }
    if (a.seriesPart !== undefined && !a.seriesName)
      add('series part without a series', [a.file], `part ${a.seriesPart}`);
  }

  for (const parts of groupsOf(articles, (a) => a.seriesName && termKey(a.seriesName))) {
    const name = clip(parts[0].seriesName ?? '');
    const numbered = parts.filter((a) => a.seriesPart !== undefined);
    if (numbered.length > 0 && numbered.length < parts.length) {
      add(
        'series part missing',
        parts.filter((a) => a.seriesPart === undefined).map((a) => a.file),
        `${name}: ${numbered.length} of ${parts.length} parts numbered`,
      );
    }
    for (const same of groupsOf(numbered, (a) => String(a.seriesPart))) {
      add(
        'series part given twice',
        same.map((a) => a.file),
        `${name}: part ${same[0].seriesPart}`,
      );
    }
  }

  const spellings = new Map<string, Map<string, string[]>>();
  for (const a of articles) {
    for (const tag of a.tagNames) {
      const key = termKey(tag);
      const forms = spellings.get(key) ?? new Map<string, string[]>();
      const files = forms.get(tag);
      if (files) files.push(a.file);
      else forms.set(tag, [a.file]);
      spellings.set(key, forms);
    }
  }
  for (const forms of spellings.values()) {
    if (forms.size < 2) continue;
    const detail = [...forms.entries()].map(([form, files]) => `${clip(form)} (${files.length})`).join(', ');
    add(
      'tag spelled differently',
      [...forms.values()].map((files) => files[0]),
      detail,
    );
  }
  return findings;
}
