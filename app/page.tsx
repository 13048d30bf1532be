import { ArticleList } from '@/components/ArticleList';
import { homePage } from '@/lib/list-views';

export function generateMetadata() {
  return homePage()?.metadata ?? {};
}

export default function HomePage() {
  const home = homePage();
  return home ? <ArticleList {...home.view} /> : null;
}
