import { monthLabel } from '@/lib/archive';
import { getContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({ title: 'Archive', path: urls.archive() });

export default function ArchivePage() {
  const byYear = new Map<string, [string, number][]>();
  for (const [key, list] of getContent().months) {
    const [year, month] = key.split('-');
    byYear.set(year, [...(byYear.get(year) ?? []), [month, list.length]]);
  }
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-8 font-serif text-4xl font-bold tracking-tight">Archive</h1>
      {[...byYear].map(([year, months]) => (
        <section key={year} className="mb-8">
          <h2 className="mb-3 font-serif text-2xl font-semibold">{year}</h2>
          <ul className="flex flex-wrap gap-3">
            {months.map(([month, count]) => (
              <li key={month}>
                <a
                  href={urls.month(year, month)}
                  className="inline-flex gap-2 rounded-full border border-zinc-300 px-4 py-2 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  <span>{monthLabel(year, month)}</span>
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">{count}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
