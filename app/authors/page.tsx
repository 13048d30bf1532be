import { TermList } from '@/components/TermList';
import { pageMetadata } from '@/lib/metadata';
import { taxonomies, termIndex } from '@/lib/taxonomy';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ title: taxonomies.authors.title, path: urls.termIndex('authors') });

export default function Page() {
  return <TermList title={taxonomies.authors.title} kind="authors" index={termIndex('authors')} />;
}
