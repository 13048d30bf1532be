import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { homePage, homeParams } from '@/lib/list-views';

type Props = { params: Promise<{ page: string }> };

export const generateStaticParams = homeParams;

export async function generateMetadata({ params }: Props) {
  return homePage((await params).page)?.metadata ?? {};
}

export default async function HomePaged({ params }: Props) {
  const list = homePage((await params).page);
  if (!list) notFound();
  return <ArticleList {...list.view} />;
}
