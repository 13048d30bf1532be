import { urls } from '@/lib/urls';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-24 text-center">
      <p className="text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg text-zinc-700 dark:text-zinc-300">
        The page you asked for does not exist, or has moved.
      </p>
      <p className="mt-8">
        <a href="/" className="font-medium text-[var(--color-accent)] underline dark:text-[var(--color-accent-dark)]">
          Back to the latest articles
        </a>{' '}
        or browse the{' '}
        <a
          href={urls.page('/tags')}
          className="font-medium text-[var(--color-accent)] underline dark:text-[var(--color-accent-dark)]"
        >
          tags
        </a>
        .
      </p>
    </div>
  );
}
