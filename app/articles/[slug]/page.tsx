import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/ArticleView';
import { ContentProblems } from '@/components/ContentProblems';
import { JsonLd } from '@/components/JsonLd';
import { RelatedReading } from '@/components/RelatedReading';
import { articleCrumbs } from '@/lib/breadcrumbs';
import { fileSlug, getContent } from '@/lib/content';
import { articleJsonLd, articleMetadata, breadcrumbJsonLd } from '@/lib/metadata';
import { orPlaceholder } from '@/lib/paginate';
import { prerenderNewest } from '@/lib/prerender';
import { neighbours, relatedArticles } from '@/lib/related';
import { lookUp, segmentValues } from '@/lib/server/segments.mjs';
import { readSettings } from '@/lib/settings.mjs';

/** An article by its URL segment, in the one spelling lib/urls.ts builds (lib/server/segments.mjs). */
const findArticle = (segment: string) => lookUp(getContent().bySlug, segment);

type Props = { params: Promise<{ slug: string }> };

/** The newest articles; the Node host renders older ones on their first request (lib/prerender.ts). */
export function generateStaticParams() {
  const newest = getContent().articles.slice(0, prerenderNewest());
  return orPlaceholder(
    newest.map(({ slug }) => ({ slug })),
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
    // In `npm run dev`, a bad file's URL says what to fix; the Node host only logs it.
    const named = segmentValues(slug);
    const own = content.problems.filter((p) => named.includes(fileSlug(p.file)));
    if (own.length === 0 || readSettings().contentMode !== 'dev') notFound();
    const others = content.problems.filter((p) => !named.includes(fileSlug(p.file)));
    return <ContentProblems title={`${own[0].file} has problems`} problems={[...own, ...others]} />;
  }
  return (
    <>
      <ArticleView article={article} />
      <RelatedReading related={relatedArticles(content, article)} {...neighbours(content, article)} />
      <JsonLd data={[articleJsonLd(article), breadcrumbJsonLd(articleCrumbs(article))]} />
    </>
  );
}
