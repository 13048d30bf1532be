import type { AuthorIntro } from '@/lib/list-views';
import { articleCount } from '@/lib/text';

/** An author's profile above their articles: avatar, bio, a longer bio from the profile body, links. */
export function AuthorCard({ author, count }: { author: AuthorIntro; count: number }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      {author.avatar && (
        // biome-ignore lint/performance/noImgElement: avatars may be remote and the static host has no optimiser.
        <img src={author.avatar} alt="" width={96} height={96} className="h-24 w-24 rounded-full object-cover" />
      )}
      <div className="flex flex-col gap-2">
        {author.bio && <p>{author.bio}</p>}
        {author.html && (
          <div
            className="prose prose-zinc max-w-none dark:prose-invert"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown's output (lib/markdown.ts), sanitised against an allowlist.
            dangerouslySetInnerHTML={{ __html: author.html }}
          />
        )}
        <p className="text-base text-zinc-600 dark:text-zinc-400">{articleCount(count)}</p>
        {author.links.length > 0 && (
          <ul className="flex flex-wrap gap-4 text-base">
            {author.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="me noopener noreferrer" className="underline underline-offset-4">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
