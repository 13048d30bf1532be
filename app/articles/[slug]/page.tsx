import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/ArticleView';
import { RelatedReading } from '@/components/RelatedReading';
import { getContent } from '@/lib/content';
import { articleJsonLd, articleMetadata, jsonLdString } from '@/lib/metadata';
import { orPlaceholder } from '@/lib/paginate';
import { neighbours, relatedArticles } from '@/lib/related';
import { findArticle } from '@/lib/taxonomy';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return orPlaceholder(
    getContent().articles.map((a) => ({ slug: a.slug })),
    { slug: '_' },
  );
}

export async function generateMetadata({ params }: Props) {
  const article = findArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const article = findArticle((await params).slug);
  if (!article) notFound();
  const content = getContent();
  return (
    <>
      <ArticleView article={article} />
      <RelatedReading related={relatedArticles(content, article)} {...neighbours(content, article)} />
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with `<` escaped, see jsonLdString.
        dangerouslySetInnerHTML={{ __html: jsonLdString(articleJsonLd(article)) }}
      />
    </>
  );
}
