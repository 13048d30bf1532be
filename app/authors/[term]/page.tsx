import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { renderMarkdown } from '@/lib/markdown';
import { termPage } from '@/lib/pages';
import { termParams } from '@/lib/taxonomy';

type Props = { params: Promise<{ term: string }> };

export const generateStaticParams = () => termParams('authors');

export async function generateMetadata({ params }: Props) {
  return termPage('authors', (await params).term)?.metadata ?? {};
}

export default async function TermPage({ params }: Props) {
  const list = termPage('authors', (await params).term);
  if (!list) notFound();
  const { author } = list.view;
  const html = author?.body ? renderMarkdown(author.body) : undefined;
  return <ArticleList {...list.view} author={author && { ...author, html }} />;
}
