import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { termPage } from '@/lib/pages';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const generateStaticParams = () => termParams('categories');

export async function generateMetadata({ params }: Props) {
  return termPage('categories', (await params).term)?.metadata ?? {};
}

export default async function TermPage({ params }: Props) {
  const list = termPage('categories', (await params).term);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
