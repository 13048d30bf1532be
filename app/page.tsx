import { ArticleList } from '@/components/ArticleList';
import { pageMetadata } from '@/lib/metadata';
import { homePage } from '@/lib/pages';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ path: urls.home(), feedsOf: urls.home() });

export default function HomePage() {
  const home = homePage('1');
  return home ? <ArticleList {...home.view} /> : null;
}
