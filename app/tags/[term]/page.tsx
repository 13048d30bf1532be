import { TermPage, termMetadata } from '@/components/TermPage';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termParams('tags');
}

export async function generateMetadata({ params }: Props) {
  return termMetadata('tags', (await params).term);
}

export default async function Page({ params }: Props) {
  return <TermPage kind="tags" segment={(await params).term} />;
}
