import { MonthPage, monthMetadata } from '@/components/MonthPage';
import { monthPageParams } from '@/lib/archive';

type Props = { params: Promise<{ year: string; month: string; page: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return monthPageParams();
}

export async function generateMetadata({ params }: Props) {
  const { year, month, page } = await params;
  return monthMetadata({ year, month, pageSegment: page });
}

export default async function Page({ params }: Props) {
  const { year, month, page } = await params;
  return <MonthPage year={year} month={month} pageSegment={page} />;
}
