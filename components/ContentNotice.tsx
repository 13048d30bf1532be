import { fileSlug, getContent } from '@/lib/content';
import { readSettings } from '@/lib/settings.mjs';
import { urls } from '@/lib/urls';

/**
 * `npm run dev` only: a line at the top of every page while content files have problems, linking to
 * the first bad file's URL, which lists them all.
 */
export function ContentNotice() {
  if (readSettings().contentMode !== 'dev') return null;
  const { problems } = getContent();
  if (problems.length === 0) return null;
  const files = new Set(problems.map((p) => p.file)).size;
  return (
    <p role="alert" className="bg-red-700 px-4 py-2 text-center text-sm text-white">
      {files === 1 ? '1 content file has problems and is' : `${files} content files have problems and are`} left out of
      the site:{' '}
      <a href={urls.article(fileSlug(problems[0].file))} className="font-semibold underline">
        see what to fix
      </a>
      .
    </p>
  );
}
