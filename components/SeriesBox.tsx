import type { Article, ArticleLink } from '@/lib/content';
import { urls } from '@/lib/urls';

/**
 * On each part of a series: every part in reading order (lib/series.ts), the one being read marked.
 * It is handed the parts, not the content index: `npm run dev` copies a server component's props into
 * React's debug data, 80 MB for an index of 100,000 articles on every article page.
 */
export function SeriesBox({ article, parts }: { article: Article; parts: ArticleLink[] }) {
  const { series } = article;
  if (!series) return null;
  const at = parts.findIndex((part) => part.slug === article.slug);
  return (
    <nav
      aria-label={`Series: ${series.name}`}
      className="mb-10 rounded-lg border border-zinc-200 px-5 py-4 dark:border-zinc-800"
    >
      <p className="font-semibold text-zinc-900 dark:text-zinc-100">
        Part {at + 1} of {parts.length} in{' '}
        <a
          href={urls.term('series', series.slug)}
          className="text-[var(--color-accent)] underline dark:text-[var(--color-accent-dark)]"
        >
          {series.name}
        </a>
      </p>
      <ol className="mt-2 list-decimal space-y-1 pl-6 text-zinc-700 dark:text-zinc-300">
        {parts.map((part) => (
          <li key={part.slug}>
            {part.slug === article.slug ? (
              <span aria-current="page" className="font-semibold text-zinc-900 dark:text-zinc-100">
                {part.title}
              </span>
            ) : (
              <a href={urls.article(part.slug)} className="hover:underline">
                {part.title}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
