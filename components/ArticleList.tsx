import type { ReactNode } from 'react';
import type { Article } from '@/lib/content';
import type { Page } from '@/lib/paginate';
import { ArticleCard } from './ArticleCard';
import { Pagination } from './Pagination';

interface Props {
  title: string;
  /** Visually hidden heading for the home page, whose identity is the site header. */
  hideTitle?: boolean;
  intro?: ReactNode;
  page: Page<Article>;
  href: (page: number) => string;
}

/** The list view shared by home, tag, category, author and archive pages. */
export function ArticleList({ title, hideTitle = false, intro, page, href }: Props) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <header className={hideTitle ? 'sr-only' : 'mb-10'}>
        <h1 className="font-serif text-4xl font-bold tracking-tight">
          {title}
          {page.page > 1 && <span className="text-zinc-500 dark:text-zinc-400"> · page {page.page}</span>}
        </h1>
        {intro && <div className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{intro}</div>}
      </header>
      {page.items.length === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <div className="grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      )}
      <Pagination page={page.page} totalPages={page.totalPages} href={href} />
    </div>
  );
}
