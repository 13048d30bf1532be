import type { Term } from '@/lib/content/terms';
import { type TermKind, urls } from '@/lib/urls';

interface Props {
  title: string;
  kind: TermKind;
  /**
   * Each term with its count, not the term index: `npm run dev` copies a server component's props
   * into React's debug data, and the index lists every article of every term.
   */
  terms: { term: Term; count: number }[];
}

/** The index view shared by /tags, /categories and /authors: every term with its article count. */
export function TermList({ title, kind, terms }: Props) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-8 font-serif text-4xl font-bold tracking-tight">{title}</h1>
      {terms.length === 0 ? (
        <p>Nothing here yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {terms.map(({ term, count }) => (
            <li key={term.slug}>
              <a
                href={urls.term(kind, term.slug)}
                className="inline-flex items-center gap-2 rounded-full border border-zinc-300 px-4 py-2 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                <span>{term.name}</span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">{count}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
