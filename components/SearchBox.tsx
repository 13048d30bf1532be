'use client';

import { useEffect, useRef, useState } from 'react';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
}
interface Pagefind {
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  debouncedSearch: (
    query: string | null,
    options: { filters: Record<string, string> },
    ms?: number,
  ) => Promise<{ results: { data: () => Promise<PagefindResult> }[] } | null>;
}

const MAX_RESULTS = 20;
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Pagefind indexes built HTML; on the Node host its URLs are `…/slug.html` and need the route form. */
function routeOf(url: string, trailingSlash: boolean): string {
  const path = url.replace(/(\/index)?\.html$/, '');
  return trailingSlash && !path.endsWith('/') ? `${path}/` : path;
}

export function SearchBox({ trailingSlash }: { trailingSlash: boolean }) {
  const pagefind = useRef<Pagefind | null>(null);
  const [ready, setReady] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [facets, setFacets] = useState<Record<string, Record<string, number>>>({});
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [results, setResults] = useState<PagefindResult[] | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial) setQuery(initial);
    const url = '/pagefind/pagefind.js';
    import(/* turbopackIgnore: true */ /* webpackIgnore: true */ url)
      .then(async (module: Pagefind) => {
        await module.init();
        pagefind.current = module;
        setFacets(await module.filters());
        setReady('ready');
      })
      .catch(() => setReady('failed'));
  }, []);

  useEffect(() => {
    const engine = pagefind.current;
    if (ready !== 'ready' || !engine) return;
    const params = new URLSearchParams(window.location.search);
    if (query) params.set('q', query);
    else params.delete('q');
    window.history.replaceState(null, '', `${window.location.pathname}${params.size ? `?${params}` : ''}`);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
    if (!query.trim() && Object.keys(active).length === 0) {
      setResults(null);
      return;
    }
    engine.debouncedSearch(query.trim() || null, { filters: active }, 150).then(async (search) => {
      if (!search) return;
      setTotal(search.results.length);
      setResults(await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data())));
    });
  }, [query, filters, ready]);

  return (
    <div>
      <search className="flex flex-col gap-4">
        <label htmlFor="search-input" className="font-medium">
          Search articles
        </label>
        <input
          id="search-input"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Type a word or phrase"
          autoComplete="off"
          className="w-full rounded-lg border border-zinc-400 bg-white px-4 py-3 text-lg dark:border-zinc-600 dark:bg-zinc-900"
        />
        <div className="flex flex-wrap gap-4">
          {(['category', 'tag'] as const).map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <span className="capitalize">{name}</span>
              <select
                value={filters[name] ?? ''}
                onChange={(e) => setFilters({ ...filters, [name]: e.target.value })}
                className="rounded border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
              >
                <option value="">Any</option>
                {Object.entries(facets[name] ?? {})
                  .sort(([, a], [, b]) => b - a)
                  .map(([value, count]) => (
                    <option key={value} value={value}>
                      {value} ({count})
                    </option>
                  ))}
              </select>
            </label>
          ))}
        </div>
      </search>
      <p aria-live="polite" className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        {ready === 'loading' && 'Loading the search index…'}
        {ready === 'failed' && 'The search index is not available on this server.'}
        {ready === 'ready' &&
          results &&
          `${total} result${total === 1 ? '' : 's'}${total > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}`}
      </p>
      <ol className="mt-4 flex flex-col gap-6">
        {results?.map((r) => (
          <li key={r.url}>
            <a href={routeOf(r.url, trailingSlash)} className="font-serif text-xl font-semibold hover:underline">
              {r.meta.title}
            </a>
            {r.meta.date && (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                <time dateTime={r.meta.date}>{dateFormat.format(new Date(`${r.meta.date}T00:00:00Z`))}</time>
              </p>
            )}
            <p
              className="mt-1 text-zinc-700 dark:text-zinc-300 [&_mark]:bg-yellow-200 [&_mark]:text-zinc-900"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: Pagefind escapes page text and adds only <mark>.
              dangerouslySetInnerHTML={{ __html: r.excerpt }}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
