import type { ArticleLink } from '@/lib/content';
import { urls } from '@/lib/urls';
import { DateTime } from './DateTime';

interface Props {
  related: ArticleLink[];
  newer?: ArticleLink;
  older?: ArticleLink;
}

/** After an article: related articles, then the next newer and older ones. */
export function RelatedReading({ related, newer, older }: Props) {
  return (
    <aside
      aria-label="More to read"
      className="mx-auto max-w-3xl border-t border-zinc-200 px-4 pt-10 dark:border-zinc-800"
    >
      {related.length > 0 && (
        <section>
          <h2 className="mb-4 font-serif text-2xl font-semibold">Related reading</h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {related.map((a) => (
              <li key={a.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <a href={urls.article(a.slug)} className="font-medium hover:underline">
                  {a.title}
                </a>
                <DateTime date={a.date} className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav aria-label="Newer and older articles" className="mt-10 grid gap-4 sm:grid-cols-2">
        {newer ? (
          <a
            href={urls.article(newer.slug)}
            rel="prev"
            className="rounded-lg p-4 hover:bg-zinc-100 dark:hover:bg-zinc-900"
          >
            <span className="block text-sm text-zinc-600 dark:text-zinc-400">← Newer</span>
            <span className="font-medium">{newer.title}</span>
          </a>
        ) : (
          <span />
        )}
        {older && (
          <a
            href={urls.article(older.slug)}
            rel="next"
            className="rounded-lg p-4 text-right hover:bg-zinc-100 dark:hover:bg-zinc-900"
          >
            <span className="block text-sm text-zinc-600 dark:text-zinc-400">Older →</span>
            <span className="font-medium">{older.title}</span>
          </a>
        )}
      </nav>
    </aside>
  );
}
