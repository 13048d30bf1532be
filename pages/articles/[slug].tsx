// An article page. Like every route there are thousands of, it is on the Pages Router, which
// prerenders a page in a fifth of the App Router's time (docs/performance.md); no page hydrates.
import type { GetStaticPaths, GetStaticProps } from 'next';
import { ArticleView } from '@/components/ArticleView';
import { DocumentHead } from '@/components/DocumentHead';
import { RelatedReading } from '@/components/RelatedReading';
import { renderBody } from '@/components/render-body';
import { type Article, type ArticleLink, type ArticleMeta, getContent } from '@/lib/content';
import { articleJsonLd, articleMetadata, type HeadData, headOf, jsonLdString } from '@/lib/metadata';
import { jsonProps, pathsOf } from '@/lib/pages';
import { neighbours, relatedArticles } from '@/lib/related';
import { findArticle } from '@/lib/taxonomy';

interface Props {
  article: ArticleMeta;
  html: string;
  related: ArticleLink[];
  newer?: ArticleLink;
  older?: ArticleLink;
  head: HeadData;
  jsonLd: string;
}

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: pathsOf(getContent().articles.map((a) => ({ slug: a.slug }))),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props> = async ({ params = {} }) => {
  const article = findArticle(String(params.slug));
  if (!article) return { notFound: true };
  const content = getContent();
  const { body, file, draft, excerptFromBody, ...meta } = article;
  const { newer, older } = neighbours(content, article);
  const props: Props = {
    article: meta,
    html: await renderBody(article),
    related: relatedArticles(content, article).map(link),
    newer: newer && link(newer),
    older: older && link(older),
    head: headOf(articleMetadata(article)),
    jsonLd: jsonLdString(articleJsonLd(article)),
  };
  return { props: jsonProps(props) };
};

const link = ({ slug, title, date }: Article): ArticleLink => ({ slug, title, date });

export default function ArticlePage({ article, html, related, newer, older, head, jsonLd }: Props) {
  return (
    <>
      <DocumentHead head={head} />
      <ArticleView article={article} html={html} />
      <RelatedReading related={related} newer={newer} older={older} />
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with `<` escaped, see jsonLdString.
        dangerouslySetInnerHTML={{ __html: jsonLd }}
      />
    </>
  );
}
