import { MDXRemote } from 'next-mdx-remote/rsc';
import type { ComponentProps } from 'react';
import remarkGfm from 'remark-gfm';
import type { Article } from '@/lib/content';
import { rehypeMdxHarden, renderMarkdown } from '@/lib/markdown';
import { Callout } from './Callout';
import { Figure } from './Figure';

const mdxComponents = {
  Callout,
  Figure,
  // biome-ignore lint/performance/noImgElement: body images must work on the static host too.
  img: (props: ComponentProps<'img'>) => <img {...props} alt={props.alt ?? ''} loading="lazy" decoding="async" />,
};

const prose =
  'article-body prose prose-zinc prose-lg max-w-none dark:prose-invert prose-headings:font-serif prose-a:text-[var(--color-accent)] dark:prose-a:text-[var(--color-accent-dark)] prose-img:rounded-lg prose-code:before:content-none prose-code:after:content-none';

/**
 * The one body renderer. `.md` is untrusted (imports): rendered to sanitised HTML.
 * `.mdx` is for trusted authors: compiled by next-mdx-remote with its JavaScript blocking defaults.
 */
export async function ArticleBody({ article }: { article: Article }) {
  if (article.format === 'mdx') {
    return (
      <div className={prose}>
        <MDXRemote
          source={article.body}
          components={mdxComponents}
          options={{ mdxOptions: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeMdxHarden] } }}
        />
      </div>
    );
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown's output is sanitised against an allowlist.
  return <div className={prose} dangerouslySetInnerHTML={{ __html: renderMarkdown(article.body) }} />;
}
