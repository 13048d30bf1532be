// Series: multi-part stories. An article names its series (`series:`, a term like a category) and
// may give its place (`seriesPart:`); the parts are read in that order, or by date where no place is
// given, oldest first: the order a reader follows, not the newest-first order of every other list.
import type { Article, ContentIndex } from './content';
import type { Term } from './content/terms';

/** Every part of a series, in reading order: by `seriesPart`, then by date, then by slug. */
export function seriesParts(index: ContentIndex, series: Term): Article[] {
  const parts = index.series.articles.get(series.slug) ?? [];
  return [...parts].sort(
    (a, b) =>
      (a.seriesPart ?? Number.POSITIVE_INFINITY) - (b.seriesPart ?? Number.POSITIVE_INFINITY) ||
      (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0) ||
      (a.slug < b.slug ? -1 : 1),
  );
}
