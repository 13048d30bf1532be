// Page metadata in one place: titles, descriptions, canonical URLs, Open Graph, Twitter and JSON-LD.
import type { Metadata } from 'next';
import type { Article } from './content';
import { feedAlternates } from './feeds';
import { site } from './site';
import { absoluteUrl, urls } from './urls';

/** Every page title but the home page's: `Title · Inkwell`. */
export const titleTemplate = `%s · ${site.name}`;

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
    twitter: { card: 'summary_large_image', title: title ?? site.title, description, images: [defaultImage().url] },
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
    keywords: article.tags.map((t) => t.name),
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
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description: article.excerpt,
      images: images.map((i) => i.url),
    },
  };
}

/** A document head as plain data, for the Pages Router routes (pages/), which render it with next/head. */
export interface HeadData {
  title: string;
  meta: { name?: string; property?: string; content: string }[];
  links: { rel: string; href: string; type?: string; title?: string }[];
}

type Image = { url: string | URL; width?: number | string; height?: number | string; alt?: string };
const list = <T>(value: T | T[] | null | undefined): T[] =>
  value == null ? [] : Array.isArray(value) ? value : [value];
const text = (value: unknown) => (value == null ? undefined : String(value));

/**
 * The tags the App Router's metadata API writes for `metadata`, in its order, for the parts of the API
 * this site uses (pageMetadata, articleMetadata): every page has the same head whichever router renders it.
 */
export function headOf(metadata: Metadata): HeadData {
  const meta: HeadData['meta'] = [];
  const links: HeadData['links'] = [];
  const name = (key: string, content: unknown) => text(content) && meta.push({ name: key, content: String(content) });
  const property = (key: string, content: unknown) =>
    text(content) && meta.push({ property: key, content: String(content) });
  const { title, openGraph: og, twitter } = metadata;

  name('description', metadata.description);
  name('application-name', site.name);
  for (const author of list(metadata.authors)) {
    if (author.url) links.push({ rel: 'author', href: String(author.url) });
    name('author', author.name);
  }
  name('keywords', list(metadata.keywords).join(',') || undefined);
  if (metadata.alternates?.canonical) links.push({ rel: 'canonical', href: String(metadata.alternates.canonical) });
  for (const [type, feeds] of Object.entries(metadata.alternates?.types ?? {})) {
    for (const feed of Array.isArray(feeds) ? feeds : feeds ? [{ url: feeds }] : []) {
      links.push({ rel: 'alternate', type, title: feed.title, href: absoluteUrl(String(feed.url)) });
    }
  }
  if (og) {
    property('og:title', og.title);
    property('og:description', og.description);
    property('og:url', og.url);
    property('og:site_name', og.siteName);
    property('og:locale', og.locale);
    for (const image of list(og.images as Image | Image[])) {
      property('og:image', image.url);
      property('og:image:width', image.width);
      property('og:image:height', image.height);
      property('og:image:alt', image.alt);
    }
    if ('type' in og) property('og:type', og.type);
    if ('type' in og && og.type === 'article') {
      property('article:published_time', og.publishedTime);
      property('article:modified_time', og.modifiedTime);
      for (const author of list(og.authors)) property('article:author', author);
      property('article:section', og.section);
      for (const tag of list(og.tags)) property('article:tag', tag);
    }
  }
  if (twitter) {
    if ('card' in twitter) name('twitter:card', twitter.card);
    name('twitter:title', twitter.title);
    name('twitter:description', twitter.description);
    for (const image of list(twitter.images as string | Image | (string | Image)[])) {
      name('twitter:image', typeof image === 'string' ? image : image.url);
    }
  }
  const absolute = title && typeof title === 'object' && 'absolute' in title ? title.absolute : undefined;
  return {
    title: absolute ?? (typeof title === 'string' ? titleTemplate.replace('%s', title) : site.title),
    meta,
    links,
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
