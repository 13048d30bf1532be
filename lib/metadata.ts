// Page metadata in one place: titles, descriptions, canonical URLs, Open Graph, Twitter and JSON-LD.
import type { Metadata } from 'next';
import type { Article } from './content';
import { feedAlternates } from './feeds';
import { site } from './site';
import { absoluteUrl, urls } from './urls';

/** Every page title but the home page's: `Title · Inkwell`. */
export const titleTemplate = `%s · ${site.name}`;

/**
 * X (Twitter) reads the title, description and image from the Open Graph tags when its own are absent,
 * so only the card type is its own: three fewer tags on every page (docs/performance.md).
 */
const twitter = { card: 'summary_large_image' } as const;

interface PageMeta {
  title?: string;
  description?: string;
  path: string;
  /** The page whose feeds to announce, when it has any. */
  feedsOf?: string;
}

export function pageMetadata({ title, description = site.description, path, feedsOf }: PageMeta): Metadata {
  const url = absoluteUrl(path);
  return {
    title: title ?? { absolute: site.title },
    description,
    alternates: { canonical: url, types: feedsOf ? feedAlternates(feedsOf, title ?? site.name) : undefined },
    openGraph: {
      type: 'website',
      url,
      siteName: site.name,
      title: title ?? site.title,
      description,
      locale: site.locale,
      images: [defaultImage()],
    },
    twitter,
  };
}

function defaultImage() {
  return { ...site.defaultImage, url: absoluteUrl(site.defaultImage.url), alt: site.name };
}

export function articleCanonical(article: Article): string {
  return article.source && site.canonicalToSource ? article.source : absoluteUrl(urls.article(article.slug));
}

export function articleMetadata(article: Article): Metadata {
  const url = absoluteUrl(urls.article(article.slug));
  const images = article.coverImage ? [{ url: absoluteUrl(article.coverImage), alt: article.title }] : [defaultImage()];
  return {
    title: article.title,
    description: article.excerpt,
    authors: [{ name: article.author.name, url: absoluteUrl(urls.term('authors', article.author.slug)) }],
    alternates: { canonical: articleCanonical(article) },
    openGraph: {
      type: 'article',
      url,
      siteName: site.name,
      title: article.title,
      description: article.excerpt,
      locale: site.locale,
      publishedTime: article.date.iso,
      modifiedTime: (article.updated ?? article.date).iso,
      authors: [article.author.name],
      section: article.category?.name,
      tags: article.tags.map((t) => t.name),
      images,
    },
    twitter,
  };
}

/** schema.org NewsArticle for search engines; republished text says what it is based on. */
export function articleJsonLd(article: Article): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt,
    datePublished: article.date.iso,
    dateModified: (article.updated ?? article.date).iso,
    url: absoluteUrl(urls.article(article.slug)),
    mainEntityOfPage: absoluteUrl(urls.article(article.slug)),
    author: {
      '@type': 'Person',
      name: article.author.name,
      url: absoluteUrl(urls.term('authors', article.author.slug)),
    },
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: site.url,
      logo: { '@type': 'ImageObject', url: absoluteUrl('/icon.svg') },
    },
    image: [absoluteUrl(article.coverImage ?? site.defaultImage.url)],
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    articleSection: article.category?.name,
    isBasedOn: article.source,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so content cannot close the tag. */
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
