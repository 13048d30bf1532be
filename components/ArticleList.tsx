import type { ListView } from '@/lib/list-views';
import { ArticleCard } from './ArticleCard';
import { AuthorCard } from './AuthorCard';
import { Breadcrumbs } from './Breadcrumbs';
import { Pagination } from './Pagination';

/** The list view shared by home, tag, category, author and archive pages. */
export function ArticleList({
  title,
  breadcrumbs,
  hideTitle = false,
  intro,
  total,
  author,
  items,
  page,
  totalPages,
  prev,
  next,
}: ListView) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      {breadcrumbs && <Breadcrumbs crumbs={breadcrumbs} className="mb-6" />}
      <header className={hideTitle ? 'sr-only' : 'mb-10'}>
        <h1 className="font-serif text-4xl font-bold tracking-tight">
          {title}
          {page > 1 && <span className="text-zinc-500 dark:text-zinc-400"> · page {page}</span>}
        </h1>
        {(author || intro) && (
          <div className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">
            {author ? <AuthorCard author={author} count={total} /> : intro}
          </div>
        )}
      </header>
      {items.length === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <div className="grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} prev={prev} next={next} />
    </div>
  );
}
