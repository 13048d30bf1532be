interface Props {
  page: number;
  totalPages: number;
  href: (page: number) => string;
}

const linkClass =
  'rounded border border-zinc-300 px-3 py-2 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function Pagination({ page, totalPages, href }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className={linkClass}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next" className={linkClass}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
