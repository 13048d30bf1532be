interface Props {
  page: number;
  totalPages: number;
  prev?: string;
  next?: string;
}

const linkClass =
  'rounded border border-zinc-300 px-3 py-2 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function Pagination({ page, totalPages, prev, next }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between gap-4 text-sm">
      {prev ? (
        <a href={prev} rel="prev" className={linkClass}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {totalPages}
      </span>
      {next ? (
        <a href={next} rel="next" className={linkClass}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
