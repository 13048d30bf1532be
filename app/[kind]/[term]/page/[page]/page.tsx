import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/ArticleList';
import { JsonLd } from '@/components/JsonLd';
import { termPage, termPageParams } from '@/lib/list-views';
import { breadcrumbJsonLd } from '@/lib/metadata';
import { termKind, termKinds } from '@/lib/terms';

type Props = { params: Promise<{ kind: string; term: string; page: string }> };

export const generateStaticParams = () =>
  termKinds.flatMap((kind) => termPageParams(kind).map((p) => ({ kind, ...p })));

const listOf = async (params: Props['params']) => {
  const { kind, term, page } = await params;
  const known = termKind(kind);
  return known && termPage(known, term, page);
};

export async function generateMetadata({ params }: Props) {
  return (await listOf(params))?.metadata ?? {};
}

export default async function TermPaged({ params }: Props) {
  const list = await listOf(params);
  if (!list) notFound();
  return (
    <>
      <ArticleList {...list.view} />
      {list.view.breadcrumbs && <JsonLd data={breadcrumbJsonLd(list.view.breadcrumbs)} />}
    </>
  );
}
