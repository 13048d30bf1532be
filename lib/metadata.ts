// Page metadata in one place: titles, descriptions, canonical URLs, Open Graph, Twitter and JSON-LD.
import type { Metadata } from 'next';
import type { Crumb } from './breadcrumbs';
import type { Article } from './content';
import { lastModified } from './dates';
import { isResizable, resizedImage } from './images';
import { site } from './site';
import { truncate } from './text';
import { absoluteUrl, urls } from './urls';

/** Every page title but the home page's: `Title · Inkwell`. */
export const titleTemplate = `%s · ${site.name}`;

/**
 * The X (Twitter) card, given whole: left partial, Next fills it from Open Graph with three more tags
 * (image alt, width and height) on every page.
 */
function twitter(title: string, description: string, image: string): Metadata['twitter'] {
  return { card: 'summary_large_image', title, description, images: [image] };
}

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
    twitter: twitter(title ?? site.title, description, defaultImage().url),
  };
}

function defaultImage() {
  return { ...site.defaultImage, url: absoluteUrl(site.defaultImage.url), alt: site.name };
}

/** A cover as the social-card image: 1,200 px wide where its host resizes, as it is otherwise. */
function socialImage(cover: string, alt: string) {
  const url = absoluteUrl(cover);
  return isResizable(url) ? { url: resizedImage(url, { ...SOCIAL, jpeg: true }), alt, ...SOCIAL } : { url, alt };
}

const SOCIAL = { width: 1200, height: 600 };

/** Google's article guidelines cap `headline` at 110 characters. */
const HEADLINE_MAX = 110;

export function articleCanonical(article: Article): string {
  return article.source && site.canonicalToSource ? article.source : absoluteUrl(urls.article(article.slug));
}

export function articleMetadata(article: Article): Metadata {
  const url = absoluteUrl(urls.article(article.slug));
  const images = article.coverImage ? [socialImage(article.coverImage, article.title)] : [defaultImage()];
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
      modifiedTime: lastModified(article)?.iso,
      authors: [article.author.name],
      section: article.category?.name,
      tags: article.tags.map((t) => t.name),
      images,
    },
    twitter: twitter(article.title, article.excerpt, images[0].url),
  };
}

/**
 * schema.org NewsArticle for search engines; republished text says what it is based on, a corrected
 * one carries its corrections, newest first, and was modified when it was last corrected or updated.
 */
export function articleJsonLd(article: Article): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(article.title, HEADLINE_MAX - 1),
    description: article.excerpt,
    datePublished: article.date.iso,
    dateModified: lastModified(article)?.iso,
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
    image: [
      article.coverImage ? socialImage(article.coverImage, article.title).url : absoluteUrl(site.defaultImage.url),
    ],
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    articleSection: article.category?.name,
    isBasedOn: article.source,
    correction: article.corrections.length
      ? article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date.iso }))
      : undefined,
  };
}

/** schema.org BreadcrumbList of the trail a page shows, every link absolute; the page itself has none. */
export function breadcrumbJsonLd(crumbs: Crumb[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.href === undefined ? undefined : absoluteUrl(crumb.href),
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so content cannot close the tag. */
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** `<link rel="alternate">` entries for the feeds beside a page. */
export function feedAlternates(page: string, title: string) {
  return {
    'application/rss+xml': [{ url: urls.feed(page, 'rss'), title: `${title} (RSS)` }],
    'application/atom+xml': [{ url: urls.feed(page, 'atom'), title: `${title} (Atom)` }],
    'application/feed+json': [{ url: urls.feed(page, 'json'), title: `${title} (JSON Feed)` }],
  };
}
