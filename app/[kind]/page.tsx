// Every term of one kind: /tags, /categories, /authors. One route for the three kinds (lib/terms.ts).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TermList } from '@/components/TermList';
import { pageMetadata } from '@/lib/metadata';
import { taxonomies, termIndex, termKind, termKinds } from '@/lib/terms';
import { urls } from '@/lib/urls';

type Props = { params: Promise<{ kind: string }> };

export const generateStaticParams = () => termKinds.map((kind) => ({ kind }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = termKind((await params).kind);
  return kind ? pageMetadata({ title: taxonomies[kind].title, path: urls.termIndex(kind) }) : {};
}

export default async function TermIndexPage({ params }: Props) {
  const kind = termKind((await params).kind);
  if (!kind) notFound();
  const { terms, articles } = termIndex(kind);
  const counted = terms.map((term) => ({ term, count: articles.get(term.slug)?.length ?? 0 }));
  return <TermList title={taxonomies[kind].title} kind={kind} terms={counted} />;
}
