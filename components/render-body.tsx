// Server-only: turns an article's markdown into the HTML that ArticleBody shows. Kept apart from the
// components so that no page bundle carries the markdown and MDX toolchains.
import { compileMDX } from 'next-mdx-remote/rsc';
import type { ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
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

/**
 * The one body renderer. `.md` is untrusted (imports): rendered to sanitised HTML.
 * `.mdx` is for trusted authors: compiled by next-mdx-remote with its JavaScript blocking defaults,
 * then hardened, then rendered to static markup (no page hydrates, so nothing is lost).
 */
export async function renderBody(article: Pick<Article, 'format' | 'body'>): Promise<string> {
  if (article.format === 'md') return renderMarkdown(article.body);
  const { content } = await compileMDX({
    source: article.body,
    components: mdxComponents,
    options: { mdxOptions: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeMdxHarden] } },
  });
  return renderToStaticMarkup(content);
}
