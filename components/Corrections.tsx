import type { Correction } from '@/lib/content';
import { DateTime } from './DateTime';

/** The corrections of an article, newest first, after its body: each its date and its text, plain. */
export function Corrections({ corrections }: { corrections: Correction[] }) {
  return (
    <section
      aria-labelledby="article-corrections"
      className="mt-10 rounded-lg border border-zinc-200 bg-zinc-50 px-5 py-4 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <h2 id="article-corrections" className="font-serif text-xl font-semibold text-zinc-900 dark:text-zinc-100">
        Corrections
      </h2>
      <ul className="mt-3 space-y-3">
        {corrections.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; two corrections may share date and text.
          <li key={i}>
            <DateTime date={c.date} className="font-medium text-zinc-900 dark:text-zinc-100" />: {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
