import { site } from '@/lib/site';
import { urls } from '@/lib/urls';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-zinc-600 dark:text-zinc-400">
        <p>
          © {site.name}. {site.description}
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          {site.footerNav.map((item) => (
            <a key={item.href} href={urls.page(item.href)} className="underline-offset-4 hover:underline">
              {item.label}
            </a>
          ))}
          <a href={urls.feed('/', 'rss')} className="underline-offset-4 hover:underline">
            RSS
          </a>
        </nav>
      </div>
    </footer>
  );
}
