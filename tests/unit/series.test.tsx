import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SeriesBox } from '@/components/SeriesBox';
import { type Article, loadContent } from '@/lib/content';
import { seriesParts } from '@/lib/series';

const { index } = loadContent(path.resolve(__dirname, '../fixtures/newsroom'));
const series = index.series.terms[0];

describe('a series', () => {
  it('is a term of its own, merged like a category', () => {
    expect(index.series.terms.map((t) => [t.name, t.slug])).toEqual([['Counting the Vote', 'counting-the-vote']]);
  });

  it('is read in order of its parts, oldest first where none is given', () => {
    expect(seriesParts(index, series).map((a) => a.seriesPart)).toEqual([1, 2, 3]);
    const parts = (index.series.articles.get(series.slug) ?? []).map((a) => ({ ...a, seriesPart: undefined }));
    const byDate = seriesParts(
      { ...index, series: { ...index.series, articles: new Map([[series.slug, parts]]) } },
      series,
    );
    expect(byDate.map((a) => a.date.day)).toEqual(['2026-09-11', '2026-09-12', '2026-09-13']);
  });

  it('shows every part on each part, the one being read marked and not a link', () => {
    const second = index.bySlug.get('election-part-2') as Article;
    const html = renderToStaticMarkup(<SeriesBox article={second} parts={seriesParts(index, series)} />);
    expect(html).toContain('aria-label="Series: Counting the Vote"');
    expect(html).toContain('Part 2 of 3');
    expect(html).toContain('href="/series/counting-the-vote"');
    expect(html).toContain('<span aria-current="page"');
    expect(html.match(/href="\/articles\/election-part-\d"/g)).toEqual([
      'href="/articles/election-part-1"',
      'href="/articles/election-part-3"',
    ]);
  });

  it('shows nothing on an article outside a series', () => {
    const other = index.bySlug.get('long-guide') as Article;
    expect(renderToStaticMarkup(<SeriesBox article={other} parts={[]} />)).toBe('');
  });
});
