import { TermPage, termMetadata } from '@/components/TermPage';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termParams('categories');
}

export async function generateMetadata({ params }: Props) {
  return termMetadata('categories', (await params).term);
}

export default async function Page({ params }: Props) {
  return <TermPage kind="categories" segment={(await params).term} />;
}
