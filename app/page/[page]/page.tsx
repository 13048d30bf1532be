import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { getContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { extraPages, orPlaceholder, paginate, parsePage } from '@/lib/paginate';
import { site } from '@/lib/site';
import { urls } from '@/lib/urls';

type Props = { params: Promise<{ page: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return orPlaceholder(extraPages(getContent().articles.length, site.pageSize), { page: '1' });
}

export async function generateMetadata({ params }: Props) {
  const { page } = await params;
  return pageMetadata({ title: `Latest articles, page ${page}`, path: urls.home(Number(page)), feedsOf: urls.home() });
}

export default async function HomePaged({ params }: Props) {
  const number = parsePage((await params).page);
  const page = number && paginate(getContent().articles, number, site.pageSize);
  if (!page) notFound();
  return <ArticleList title="Latest articles" page={page} href={urls.home} />;
}
