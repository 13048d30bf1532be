// Route helpers for the archive by month: params, labels and paged lists.
import { type Article, getContent } from './content';
import { extraPages, orPlaceholder, type Page, paginate, parsePage } from './paginate';
import { site } from './site';

const label = new Intl.DateTimeFormat(site.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthLabel(year: string, month: string): string {
  return label.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}

export function monthParams(): { year: string; month: string }[] {
  return orPlaceholder(
    [...getContent().months.keys()].map((key) => {
      const [year, month] = key.split('-');
      return { year, month };
    }),
    { year: '_', month: '_' },
  );
}

export function monthPageParams(): { year: string; month: string; page: string }[] {
  return orPlaceholder(
    [...getContent().months].flatMap(([key, list]) => {
      const [year, month] = key.split('-');
      return extraPages(list.length, site.pageSize).map(({ page }) => ({ year, month, page }));
    }),
    { year: '_', month: '_', page: '1' },
  );
}

export function monthPage(year: string, month: string, pageSegment = '1'): Page<Article> | undefined {
  const list = getContent().months.get(`${year}-${month}`);
  const number = pageSegment === '1' ? 1 : parsePage(pageSegment);
  return list && number !== undefined ? paginate(list, number, site.pageSize) : undefined;
}
