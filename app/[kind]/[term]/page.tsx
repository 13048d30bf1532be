import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { JsonLd } from '@/components/JsonLd';
import { termPage } from '@/lib/list-views';
import { renderMarkdown } from '@/lib/markdown';
import { breadcrumbJsonLd } from '@/lib/metadata';
import { termKind, termKinds, termParams } from '@/lib/terms';

type Props = { params: Promise<{ kind: string; term: string }> };

export const generateStaticParams = () => termKinds.flatMap((kind) => termParams(kind).map((p) => ({ kind, ...p })));

const listOf = async (params: Props['params']) => {
  const { kind, term } = await params;
  const known = termKind(kind);
  return known && termPage(known, term);
};

export async function generateMetadata({ params }: Props) {
  return (await listOf(params))?.metadata ?? {};
}

export default async function TermPage({ params }: Props) {
  const list = await listOf(params);
  if (!list) notFound();
  // An author's profile body, rendered here alone: the markdown pipeline stays out of every other list.
  const { author } = list.view;
  const html = author?.body ? renderMarkdown(author.body) : undefined;
  return (
    <>
      <ArticleList {...list.view} author={author && { ...author, html }} />
      {list.view.breadcrumbs && <JsonLd data={breadcrumbJsonLd(list.view.breadcrumbs)} />}
    </>
  );
}
