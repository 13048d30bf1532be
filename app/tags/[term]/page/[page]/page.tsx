import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { termPage, termPageParams } from '@/lib/pages';

type Props = { params: Promise<{ term: string; page: string }> };

export const generateStaticParams = () => termPageParams('tags');

export async function generateMetadata({ params }: Props) {
  const { term, page } = await params;
  return termPage('tags', term, page)?.metadata ?? {};
}

export default async function TermPaged({ params }: Props) {
  const { term, page } = await params;
  const list = termPage('tags', term, page);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
