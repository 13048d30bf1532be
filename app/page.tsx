import { ArticleList } from '@/components/ArticleList';
import { getContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { paginate } from '@/lib/paginate';
import { site } from '@/lib/site';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ path: urls.home(), feedsOf: urls.home() });

export default function HomePage() {
  const page = paginate(getContent().articles, 1, site.pageSize) ?? { items: [], page: 1, totalPages: 1, total: 0 };
  return <ArticleList title="Latest articles" hideTitle page={page} href={urls.home} />;
}
