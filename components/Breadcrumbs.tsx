import type { Crumb } from '@/lib/breadcrumbs';

/**
 * Where the page sits: every step a link but the last, the page itself. The separators are CSS
 * (`.crumbs` in app/globals.css), silent to screen readers, so the trail is one element a step.
 */
export function Breadcrumbs({ crumbs, className = '' }: { crumbs: Crumb[]; className?: string }) {
  const last = crumbs.length - 1;
  return (
    <nav aria-label="Breadcrumb" className={`text-sm text-zinc-600 dark:text-zinc-400 ${className}`}>
      <ol className="crumbs flex flex-wrap gap-x-2">
        {crumbs.map((crumb, i) =>
          i === last || crumb.href === undefined ? (
            <li
              key={crumb.href ?? 'page'}
              aria-current={i === last ? 'page' : undefined}
              className="min-w-0 truncate text-zinc-900 dark:text-zinc-100"
            >
              {crumb.name}
            </li>
          ) : (
            <li key={crumb.href}>
              <a href={crumb.href} className="hover:underline">
                {crumb.name}
              </a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
