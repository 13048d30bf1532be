import { articleCrumbs } from '@/lib/breadcrumbs';
import { type Article, getContent } from '@/lib/content';
import { isLater, lastModified } from '@/lib/dates';
import { seriesParts } from '@/lib/series';
import { urls } from '@/lib/urls';
import { ArticleBody } from './ArticleBody';
import { Breadcrumbs } from './Breadcrumbs';
import { Corrections } from './Corrections';
import { Cover } from './Cover';
import { DateTime } from './DateTime';
import { SeriesBox } from './SeriesBox';

/**
 * The single-article view: the trail to it, header (with the day it was last updated, when later than
 * the day it was published), cover, body, the source attribution, corrections and tags.
 */
export function ArticleView({ article }: { article: Article }) {
  const modified = lastModified(article);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumbs crumbs={articleCrumbs(article)} className="mb-6" />
      <header className="mb-8">
        {article.category && (
          <a
            href={urls.term('categories', article.category.slug)}
            className="text-sm font-semibold tracking-wide text-[var(--color-accent)] uppercase hover:underline dark:text-[var(--color-accent-dark)]"
          >
            {article.category.name}
          </a>
        )}
        <h1 className="mt-2 font-serif text-4xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">
          {article.title}
        </h1>
        <p className="dotted mt-4 flex flex-wrap gap-x-2 text-zinc-600 dark:text-zinc-400">
          <span>
            By{' '}
            <a
              href={urls.term('authors', article.author.slug)}
              rel="author"
              className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
            >
              {article.author.name}
            </a>
          </span>
          <DateTime date={article.date} />
          {modified && isLater(modified, article.date) && (
            <span>
              Updated <DateTime date={modified} />
            </span>
          )}
          <span>{article.readingMinutes} min read</span>
        </p>
      </header>
      <Cover article={article} priority className="mb-10" />
      <SeriesBox article={article} parts={article.series ? seriesParts(getContent(), article.series) : []} />
      <ArticleBody article={article} />
      {article.source && (
        <p className="mt-10 rounded-lg border border-zinc-200 px-5 py-4 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
          Originally published at{' '}
          <a
            href={article.source}
            rel="noopener noreferrer"
            className="font-medium text-[var(--color-accent)] underline dark:text-[var(--color-accent-dark)]"
          >
            {article.sourceHost}
          </a>
          .
        </p>
      )}
      {article.corrections.length > 0 && <Corrections corrections={article.corrections} />}
      {article.tags.length > 0 && (
        <footer className="mt-10">
          <h2 className="sr-only">Tags</h2>
          <ul className="flex flex-wrap gap-2">
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <a
                  href={urls.term('tags', tag.slug)}
                  rel="tag"
                  className="hashtag inline-block rounded-full bg-zinc-100 px-3 py-1 text-sm text-zinc-800 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:bg-zinc-700"
                >
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
