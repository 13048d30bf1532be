import { site } from '@/lib/site';
import { urls } from '@/lib/urls';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <a href="/" className="font-serif text-2xl font-bold tracking-tight">
          {site.name}
        </a>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm font-medium">
          {site.nav.map((item) => (
            <a
              key={item.href}
              href={urls.page(item.href)}
              className="rounded px-3 py-2 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {item.label}
            </a>
          ))}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
