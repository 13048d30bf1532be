import type { ListPageProps } from '@/lib/pages';
import { ArticleList } from './ArticleList';
import { DocumentHead } from './DocumentHead';

/** A list page on the Pages Router: its head and the shared list view. */
export function ListPage({ view, head }: ListPageProps) {
  return (
    <>
      <DocumentHead head={head} />
      <ArticleList {...view} />
    </>
  );
}
