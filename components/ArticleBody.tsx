const prose =
  'article-body prose prose-zinc prose-lg max-w-none dark:prose-invert prose-headings:font-serif prose-a:text-[var(--color-accent)] dark:prose-a:text-[var(--color-accent-dark)] prose-img:rounded-lg prose-code:before:content-none prose-code:after:content-none';

/** An article's body, already rendered and made safe by `renderBody` (components/render-body.tsx). */
export function ArticleBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderBody sanitises `.md` against an allowlist and hardens `.mdx`.
  return <div className={prose} dangerouslySetInnerHTML={{ __html: html }} />;
}
