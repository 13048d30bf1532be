import { MonthPage, monthMetadata } from '@/components/MonthPage';
import { monthParams } from '@/lib/archive';

type Props = { params: Promise<{ year: string; month: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return monthParams();
}

export async function generateMetadata({ params }: Props) {
  return monthMetadata(await params);
}

export default async function Page({ params }: Props) {
  return <MonthPage {...(await params)} />;
}
