import { TermPage, termMetadata } from '@/components/TermPage';
import { termPageParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string; page: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termPageParams('tags');
}

export async function generateMetadata({ params }: Props) {
  const { term, page } = await params;
  return termMetadata('tags', term, page);
}

export default async function Page({ params }: Props) {
  const { term, page } = await params;
  return <TermPage kind="tags" segment={term} pageSegment={page} />;
}
