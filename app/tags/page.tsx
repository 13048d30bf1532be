import { TermList } from '@/components/TermList';
import { pageMetadata } from '@/lib/metadata';
import { taxonomies, termIndex } from '@/lib/taxonomy';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ title: taxonomies.tags.title, path: urls.termIndex('tags') });

export default function Page() {
  return <TermList title={taxonomies.tags.title} kind="tags" index={termIndex('tags')} />;
}
