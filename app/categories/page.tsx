import { TermList } from '@/components/TermList';
import { pageMetadata } from '@/lib/metadata';
import { taxonomies, termIndex } from '@/lib/taxonomy';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ title: taxonomies.categories.title, path: urls.termIndex('categories') });

export default function Page() {
  return <TermList title={taxonomies.categories.title} kind="categories" index={termIndex('categories')} />;
}
