import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { monthLabel, monthPage } from '@/lib/archive';
import { pageMetadata } from '@/lib/metadata';
import { articleCount } from '@/lib/text';
import { urls } from '@/lib/urls';
import { ArticleList } from './ArticleList';

interface Props {
  year: string;
  month: string;
  pageSegment?: string;
}

export function monthMetadata({ year, month, pageSegment }: Props): Metadata {
  const page = monthPage(year, month, pageSegment);
  if (!page) return {};
  const suffix = page.page > 1 ? `, page ${page.page}` : '';
  return pageMetadata({
    title: `${monthLabel(year, month)}${suffix}`,
    description: `${articleCount(page.total)} published in ${monthLabel(year, month)}.`,
    path: urls.month(year, month, page.page),
  });
}

/** One month of the archive: the shared list view. */
export function MonthPage({ year, month, pageSegment }: Props) {
  const page = monthPage(year, month, pageSegment);
  if (!page) notFound();
  return (
    <ArticleList
      title={monthLabel(year, month)}
      intro={articleCount(page.total)}
      page={page}
      href={(n) => urls.month(year, month, n)}
    />
  );
}
