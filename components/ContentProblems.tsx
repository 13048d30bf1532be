import type { Problem } from '@/lib/content';

/**
 * `npm run dev` only: what is wrong with content files, each problem with its file, its field, what
 * was found and how to fix it. Saving a fixed file clears it on the next refresh.
 */
export function ContentProblems({ problems, title }: { problems: Problem[]; title: string }) {
  return (
    <section id="content-problems" className="mx-auto max-w-3xl px-4 py-10" aria-labelledby="content-problems-title">
      <h1 id="content-problems-title" className="font-serif text-3xl font-bold text-red-700 dark:text-red-400">
        {title}
      </h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        A build stops on these; the development server leaves the files out. Fix the file, save, and refresh.
      </p>
      <ul className="mt-6 flex flex-col gap-4">
        {problems.map((p) => (
          <li
            key={`${p.file}:${p.field}:${p.message}`}
            className="rounded-lg border border-red-300 p-4 dark:border-red-800"
          >
            <p className="font-mono text-sm">{p.file}</p>
            <p className="mt-1">
              <code className="font-semibold">{p.field}</code>: {p.message}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
