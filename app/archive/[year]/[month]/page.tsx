import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { monthPage, monthParams } from '@/lib/list-views';

type Props = { params: Promise<{ year: string; month: string }> };

export const generateStaticParams = monthParams;

export async function generateMetadata({ params }: Props) {
  const { year, month } = await params;
  return monthPage(year, month)?.metadata ?? {};
}

export default async function MonthPage({ params }: Props) {
  const { year, month } = await params;
  const list = monthPage(year, month);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
