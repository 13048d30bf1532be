import { ArticleList } from '@/components/ArticleList';
import { homePage } from '@/lib/pages';

export function generateMetadata() {
  return homePage('1')?.metadata ?? {};
}

export default function HomePage() {
  const home = homePage('1');
  return home ? <ArticleList {...home.view} /> : null;
}
