import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/ArticleView';
import { ContentProblems } from '@/components/ContentProblems';
import { RelatedReading } from '@/components/RelatedReading';
import { fileSlug, getContent } from '@/lib/content';
import { articleJsonLd, articleMetadata, jsonLdString } from '@/lib/metadata';
import { orPlaceholder } from '@/lib/paginate';
import { neighbours, relatedArticles } from '@/lib/related';
import { findArticle } from '@/lib/taxonomy';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  const { articles, problems } = getContent();
  // In `npm run dev`, a file left out for its problems keeps its URL, to say what is wrong there.
  const slugs = new Set([...articles.map((a) => a.slug), ...problems.map((p) => fileSlug(p.file))]);
  return orPlaceholder(
    [...slugs].map((slug) => ({ slug })),
    { slug: '_' },
  );
}

export async function generateMetadata({ params }: Props) {
  const article = findArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = findArticle(slug);
  const content = getContent();
  if (!article) {
    // Only `npm run dev` serves content with problems: a bad file's URL says what to fix.
    const own = content.problems.filter((p) => fileSlug(p.file) === slug);
    if (own.length === 0) notFound();
    const others = content.problems.filter((p) => fileSlug(p.file) !== slug);
    return <ContentProblems title={`${own[0].file} has problems`} problems={[...own, ...others]} />;
  }
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
