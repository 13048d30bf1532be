import { TermPage, termMetadata } from '@/components/TermPage';
import { termPageParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string; page: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termPageParams('authors');
}

export async function generateMetadata({ params }: Props) {
  const { term, page } = await params;
  return termMetadata('authors', term, page);
}

export default async function Page({ params }: Props) {
  const { term, page } = await params;
  return <TermPage kind="authors" segment={term} pageSegment={page} />;
}
