// Editorial warnings over a content folder: things that build fine but a reader or editor would mind.
import type { ParsedArticle } from './content';
import { termKey } from './terms';

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
    if (k) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Warnings, grouped by kind. `today` is `YYYY-MM-DD`, passed in so the check is deterministic. */
export function findWarnings(articles: ParsedArticle[], today: string): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: string, files: string[], detail: string) => findings.push({ kind, files, detail });

  for (const group of groupsOf(articles, (a) => a.source?.replace(/[?#].*$/, '').replace(/\/$/, ''))) {
    add(
      'duplicate source URL',
      group.map((a) => a.file),
      group[0].source ?? '',
    );
  }
  for (const group of groupsOf(articles, (a) => a.title.toLowerCase())) {
    add(
      'duplicate title',
      group.map((a) => a.file),
      group[0].title,
    );
  }
  for (const a of articles) {
    if (a.source && PLACEHOLDER_HOSTS.test(new URL(a.source).hostname)) add('placeholder source', [a.file], a.source);
    if (/\d{5,}/.test(a.title)) add('machine-looking title', [a.file], a.title);
    if (a.date.day > today) add('future date', [a.file], a.date.day);
    if (a.excerptFromBody) add('missing excerpt', [a.file], 'made from the body');
    if (!a.coverImage) add('missing cover image', [a.file], '');
  }

  const spellings = new Map<string, Map<string, string[]>>();
  for (const a of articles) {
    for (const tag of a.tagNames) {
      const forms = spellings.get(termKey(tag)) ?? new Map<string, string[]>();
      forms.set(tag, [...(forms.get(tag) ?? []), a.file]);
      spellings.set(termKey(tag), forms);
    }
  }
  for (const forms of spellings.values()) {
    if (forms.size < 2) continue;
    const detail = [...forms.entries()].map(([form, files]) => `${form} (${files.length})`).join(', ');
    add(
      'tag spelled differently',
      [...forms.values()].map((files) => files[0]),
      detail,
    );
  }
  return findings;
}
