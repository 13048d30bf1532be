import { SearchBox } from '@/components/SearchBox';
import { pageMetadata } from '@/lib/metadata';
import { urls } from '@/lib/urls';

export const metadata = pageMetadata({
  title: 'Search',
  description: 'Search every article by word or phrase, and filter by category and tag.',
  path: urls.search(),
});

export default function SearchPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-8 font-serif text-4xl font-bold tracking-tight">Search</h1>
      <noscript>
        <p className="mb-6 rounded-lg border border-amber-600 px-4 py-3">
          Search runs in your browser and needs JavaScript. Without it, browse the{' '}
          <a href={urls.page('/tags')} className="underline">
            tags
          </a>
          ,{' '}
          <a href={urls.page('/categories')} className="underline">
            categories
          </a>{' '}
          or the{' '}
          <a href={urls.archive()} className="underline">
            archive
          </a>
          .
        </p>
      </noscript>
      <SearchBox trailingSlash={urls.page('/x').endsWith('/')} />
    </div>
  );
}
