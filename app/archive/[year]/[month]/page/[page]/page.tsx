import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { monthPage, monthPageParams } from '@/lib/list-views';

type Props = { params: Promise<{ year: string; month: string; page: string }> };

export const generateStaticParams = monthPageParams;

export async function generateMetadata({ params }: Props) {
  const { year, month, page } = await params;
  return monthPage(year, month, page)?.metadata ?? {};
}

export default async function MonthPaged({ params }: Props) {
  const { year, month, page } = await params;
  const list = monthPage(year, month, page);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
