import type { Card } from '@/lib/list-views';
import { urls } from '@/lib/urls';
import { Cover } from './Cover';
import { DateTime } from './DateTime';

export function ArticleCard({ article }: { article: Card }) {
  return (
    <article className="group flex flex-col gap-3">
      <Cover article={article} />
      <p className="dotted flex flex-wrap items-center gap-x-2 text-sm text-zinc-600 dark:text-zinc-400">
        <DateTime date={article.date} />
        {article.category && (
          <a href={urls.term('categories', article.category.slug)} className="hover:underline">
            {article.category.name}
          </a>
        )}
      </p>
      <h2 className="font-serif text-xl leading-snug font-semibold">
        <a
          href={urls.article(article.slug)}
          className="hover:text-[var(--color-accent)] dark:hover:text-[var(--color-accent-dark)]"
        >
          {article.title}
        </a>
      </h2>
      <p className="text-zinc-700 dark:text-zinc-300">{article.excerpt}</p>
    </article>
  );
}
