import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { termPage } from '@/lib/pages';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const generateStaticParams = () => termParams('tags');

export async function generateMetadata({ params }: Props) {
  return termPage('tags', (await params).term)?.metadata ?? {};
}

export default async function TermPage({ params }: Props) {
  const list = termPage('tags', (await params).term);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
