import { compileMDX } from 'next-mdx-remote/rsc';
import type { ComponentProps } from 'react';
import remarkGfm from 'remark-gfm';
import { type Article, articleBody } from '@/lib/content';
import { rehypeHighlight } from '@/lib/highlight';
import { renderArticleBody } from '@/lib/markdown';
import { MDX_BUDGET_REASON, mdxErrorReason, mdxWithinBudget, rehypeMdxAllowlist } from '@/lib/mdx-allowlist';
import { rehypeOutline } from '@/lib/outline';
import { Callout } from './Callout';
import { Figure } from './Figure';

const mdxComponents = {
  Callout,
  Figure,
  // biome-ignore lint/performance/noImgElement: body images must work on the static host too.
  img: (props: ComponentProps<'img'>) => <img {...props} alt={props.alt ?? ''} loading="lazy" decoding="async" />,
};

const prose =
  'article-body prose prose-zinc prose-lg max-w-none dark:prose-invert prose-headings:font-serif prose-a:text-[var(--color-accent)] dark:prose-a:text-[var(--color-accent-dark)] prose-img:rounded-lg prose-code:before:content-none prose-code:after:content-none prose-pre:bg-zinc-100 prose-pre:text-zinc-900 dark:prose-pre:bg-zinc-900 dark:prose-pre:text-zinc-100';

/** `.mdx` compiled by next-mdx-remote with its JavaScript blocking on and the `.md` allowlist after it. */
async function compileBody(file: string, body: string) {
  if (!mdxWithinBudget(body)) {
    console.error(`content: ${file}: body: MDX not compiled (${MDX_BUDGET_REASON}); shown as markdown`);
    return undefined;
  }
  try {
    const { content } = await compileMDX({
      source: body,
      components: mdxComponents,
      options: {
        mdxOptions: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeMdxAllowlist, rehypeHighlight, rehypeOutline] },
      },
    });
    return content;
  } catch (error) {
    // A body MDX cannot compile (a syntax error, or nesting beyond its parser) must not take the page
    // down: it is shown as sanitised markdown, and content:check names it.
    const reason = mdxErrorReason(error);
    console.error(`content: ${file}: body: MDX could not be compiled (${reason}); shown as markdown`);
    return undefined;
  }
}

/**
 * The one body renderer. `.md` is untrusted (imports): rendered to sanitised HTML. `.mdx` may use the
 * site's components, under the same allowlist. The body is read from the article's file, once.
 */
export async function ArticleBody({ article }: { article: Pick<Article, 'file' | 'filePath' | 'format'> }) {
  const body = articleBody(article);
  const mdx = article.format === 'mdx' ? await compileBody(article.file, body) : undefined;
  if (mdx) return <div className={prose}>{mdx}</div>;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderArticleBody's output is sanitised against an allowlist.
  return <div className={prose} dangerouslySetInnerHTML={{ __html: renderArticleBody(body) }} />;
}
