import { TermPage, termMetadata } from '@/components/TermPage';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termParams('authors');
}

export async function generateMetadata({ params }: Props) {
  return termMetadata('authors', (await params).term);
}

export default async function Page({ params }: Props) {
  return <TermPage kind="authors" segment={(await params).term} />;
}
