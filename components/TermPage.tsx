import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { taxonomies, termPage } from '@/lib/taxonomy';
import { articleCount } from '@/lib/text';
import { type TermKind, urls } from '@/lib/urls';
import { ArticleList } from './ArticleList';
import { AuthorCard } from './AuthorCard';

interface Props {
  kind: TermKind;
  segment: string;
  pageSegment?: string;
}

export function termMetadata(kind: TermKind, segment: string, pageSegment = '1'): Metadata {
  const found = termPage(kind, segment, pageSegment);
  if (!found) return {};
  const { term, page } = found;
  const noun = taxonomies[kind].noun;
  const suffix = page.page > 1 ? `, page ${page.page}` : '';
  const bio = kind === 'authors' ? getContent().profiles.get(term.slug)?.bio : undefined;
  return pageMetadata({
    title: `${noun}: ${term.name}${suffix}`,
    description: bio ?? `${articleCount(page.total)} under the ${noun.toLowerCase()} ${term.name}${suffix}.`,
    path: urls.term(kind, term.slug, page.page),
    feedsOf: urls.term(kind, term.slug),
  });
}

/** A tag, category or author page: the shared list view for one term. */
export function TermPage({ kind, segment, pageSegment }: Props) {
  const found = termPage(kind, segment, pageSegment);
  if (!found) notFound();
  const { term, page } = found;
  const profile = kind === 'authors' ? getContent().profiles.get(term.slug) : undefined;
  return (
    <ArticleList
      title={kind === 'authors' ? term.name : `${taxonomies[kind].noun}: ${term.name}`}
      intro={
        profile && page.page === 1 ? <AuthorCard profile={profile} count={page.total} /> : articleCount(page.total)
      }
      page={page}
      href={(n) => urls.term(kind, term.slug, n)}
    />
  );
}
