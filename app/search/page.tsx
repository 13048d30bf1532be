import { pageMetadata } from '@/lib/metadata';
import { trailingSlash, urls } from '@/lib/urls';

export const metadata = pageMetadata({
  title: 'Search',
  description: 'Search every article by word or phrase, and filter by category and tag.',
  path: urls.search(),
});

const field = 'rounded border border-zinc-500 bg-white dark:border-zinc-500 dark:bg-zinc-900';

/** Server-rendered search form; /search.js brings it to life with Pagefind. */
export default function SearchPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-8 font-serif text-4xl font-bold tracking-tight">Search</h1>
      <noscript>
        <p className="mb-6 rounded-lg border border-amber-600 px-4 py-3">
          Search runs in your browser and needs JavaScript. Without it, browse the{' '}
          <a href={urls.page('/tags')} className="underline">
            tags
          </a>
          ,{' '}
          <a href={urls.page('/categories')} className="underline">
            categories
          </a>{' '}
          or the{' '}
          <a href={urls.archive()} className="underline">
            archive
          </a>
          .
        </p>
      </noscript>
      <form
        action={urls.search()}
        method="get"
        data-search
        data-trailing-slash={String(trailingSlash)}
        className="flex flex-col gap-4"
      >
        <label htmlFor="search-input" className="font-medium">
          Search articles
        </label>
        <div className="flex gap-2">
          <input
            id="search-input"
            type="search"
            name="q"
            placeholder="Type a word or phrase"
            autoComplete="off"
            className={`${field} w-full px-4 py-3 text-lg`}
          />
          <button
            type="submit"
            className="rounded bg-[var(--color-accent)] px-5 py-3 font-medium text-white hover:opacity-90 dark:bg-[var(--color-accent-dark)] dark:text-zinc-950"
          >
            Search
          </button>
        </div>
        <div className="flex flex-wrap gap-4">
          {['category', 'tag'].map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <span className="capitalize">{name}</span>
              <select name={name} data-filter={name} className={`${field} px-2 py-1`}>
                <option value="">Any</option>
              </select>
            </label>
          ))}
        </div>
      </form>
      <p data-search-status aria-live="polite" className="mt-6 text-sm text-zinc-600 dark:text-zinc-400" />
      <ol
        data-search-results
        className="mt-4 flex flex-col gap-6 [&_.search-date]:text-sm [&_.search-date]:text-zinc-600 dark:[&_.search-date]:text-zinc-400 [&_.search-excerpt]:mt-1 [&_.search-title]:font-serif [&_.search-title]:text-xl [&_.search-title]:font-semibold [&_.search-title:hover]:underline [&_mark]:bg-yellow-200 [&_mark]:text-zinc-900"
      />
      <p data-search-older hidden className="mt-8 text-sm">
        <button
          type="button"
          className="rounded border border-zinc-500 px-3 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Also search older articles
        </button>
      </p>
      <script src="/search.js" type="module" />
    </div>
  );
}
