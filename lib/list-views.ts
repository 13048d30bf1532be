// The list views — home and its pages, tag, category and author pages, archive months — as the data
// the shared view renders and the metadata of the page, with the params their routes prerender.
// Each view is made once per request: a route's generateMetadata and its page share it (React cache).
import type { Metadata } from 'next';
import { cache } from 'react';
import { monthLabel } from './archive';
import { type Crumb, termCrumbs } from './breadcrumbs';
import { type Article, getContent } from './content';
import { pageMetadata } from './metadata';
import { extraPages, orPlaceholder, type Page, paginate, parsePage } from './paginate';
import { longTail } from './prerender';
import { seriesParts } from './series';
import { site } from './site';
import { findTerm, taxonomies, termIndex } from './terms';
import { articleCount } from './text';
import { type TermKind, urls } from './urls';

/** What a card in a list shows of an article. */
export type Card = Pick<Article, 'slug' | 'title' | 'excerpt' | 'date' | 'category' | 'coverImage'>;

/** An author's profile as a list page shows it. */
export interface AuthorIntro {
  avatar?: string;
  bio?: string;
  /** The profile's markdown body. */
  body?: string;
  /** The body rendered, by the author route alone: the markdown pipeline stays out of every other route. */
  html?: string;
  links: { label: string; url: string }[];
}

export interface ListView {
  title: string;
  /** The trail above the heading (term pages), shown and given as BreadcrumbList JSON-LD. */
  breadcrumbs?: Crumb[];
  /** Visually hidden heading for the home page, whose identity is the site header. */
  hideTitle?: boolean;
  /** A line under the heading, such as the number of articles. */
  intro?: string;
  total: number;
  author?: AuthorIntro;
  items: Card[];
  page: number;
  totalPages: number;
  prev?: string;
  next?: string;
}

export interface ListPage {
  view: ListView;
  metadata: Metadata;
}

interface ListSpec {
  articles: Article[];
  /** The `/page/<n>` segment; none for the list's first page. */
  pageSegment?: string;
  href: (page: number) => string;
  /** The page's heading; the document title adds the page number. */
  heading: string;
  title?: string;
  description?: (total: number, suffix: string) => string;
  /** Shows the number of articles under the heading. */
  counted?: boolean;
  feedsOf?: string;
  /** The author's profile, made only for page 1, the one page that shows it. */
  author?: () => AuthorIntro;
  breadcrumbs?: (page: number) => Crumb[];
}

const card = ({ slug, title, excerpt, date, category, coverImage }: Article): Card => ({
  slug,
  title,
  excerpt,
  date,
  category,
  coverImage,
});

/** Page 1 is the list's own URL, so a `/page/<n>` segment must be 2 or more. */
function pageNumber(segment: string | undefined): number | undefined {
  return segment === undefined ? 1 : parsePage(segment);
}

function listPage(spec: ListSpec): ListPage | undefined {
  const number = pageNumber(spec.pageSegment);
  const page: Page<Article> | undefined =
    number === undefined ? undefined : paginate(spec.articles, number, site.pageSize);
  if (!page) return undefined;
  const suffix = page.page > 1 ? `, page ${page.page}` : '';
  const view: ListView = {
    title: spec.heading,
    breadcrumbs: spec.breadcrumbs?.(page.page),
    hideTitle: page.page === 1 && spec.href(1) === urls.home(),
    intro: spec.counted ? articleCount(page.total) : undefined,
    total: page.total,
    author: page.page === 1 ? spec.author?.() : undefined,
    items: page.items.map(card),
    page: page.page,
    totalPages: page.totalPages,
    prev: page.page > 1 ? spec.href(page.page - 1) : undefined,
    next: page.page < page.totalPages ? spec.href(page.page + 1) : undefined,
  };
  const metadata = pageMetadata({
    title: page.page === 1 && spec.href(1) === urls.home() ? undefined : `${spec.title ?? spec.heading}${suffix}`,
    description: spec.description?.(page.total, suffix),
    path: spec.href(page.page),
    feedsOf: spec.feedsOf,
  });
  return { view, metadata };
}

export const homePage = cache((pageSegment?: string): ListPage | undefined =>
  listPage({
    articles: getContent().articles,
    pageSegment,
    href: urls.home,
    heading: 'Latest articles',
    feedsOf: urls.home(),
  }),
);

export const homeParams = () =>
  longTail(orPlaceholder(extraPages(getContent().articles.length, site.pageSize), { page: '1' }));

export const termPage = cache((kind: TermKind, segment: string, pageSegment?: string): ListPage | undefined => {
  const term = findTerm(kind, segment);
  if (!term) return undefined;
  const noun = taxonomies[kind].noun;
  const profile = kind === 'authors' ? getContent().profiles.get(term.slug) : undefined;
  return listPage({
    // A series is read in order; every other list shows the newest first.
    articles: kind === 'series' ? seriesParts(getContent(), term) : (termIndex(kind).articles.get(term.slug) ?? []),
    pageSegment,
    href: (n) => urls.term(kind, term.slug, n),
    heading: kind === 'authors' ? term.name : `${noun}: ${term.name}`,
    title: `${noun}: ${term.name}`,
    description: (total, suffix) =>
      profile?.bio ?? `${articleCount(total)} under the ${noun.toLowerCase()} ${term.name}${suffix}.`,
    counted: true,
    feedsOf: urls.term(kind, term.slug),
    breadcrumbs: (n) => termCrumbs(kind, term, n),
    author:
      profile &&
      (() => ({
        avatar: profile.avatar ?? undefined,
        bio: profile.bio ?? undefined,
        body: profile.body || undefined,
        links: profile.links ?? [],
      })),
  });
});

export function termPageParams(kind: TermKind) {
  const { terms, articles } = termIndex(kind);
  const params = orPlaceholder(
    terms.flatMap((t) =>
      extraPages(articles.get(t.slug)?.length ?? 0, site.pageSize).map(({ page }) => ({ term: t.slug, page })),
    ),
    { term: '_', page: '1' },
  );
  return longTail(params);
}

export const monthPage = cache((year: string, month: string, pageSegment?: string): ListPage | undefined => {
  const articles = getContent().months.get(`${year}-${month}`);
  if (!articles) return undefined;
  const label = monthLabel(year, month);
  return listPage({
    articles,
    pageSegment,
    href: (n) => urls.month(year, month, n),
    heading: label,
    description: (total) => `${articleCount(total)} published in ${label}.`,
    counted: true,
  });
});

const months = () => [...getContent().months].map(([key, list]) => ({ key: key.split('-'), list }));

export const monthParams = () =>
  longTail(
    orPlaceholder(
      months().map(({ key: [year, month] }) => ({ year, month })),
      { year: '_', month: '_' },
    ),
  );

export const monthPageParams = () =>
  longTail(
    orPlaceholder(
      months().flatMap(({ key: [year, month], list }) =>
        extraPages(list.length, site.pageSize).map(({ page }) => ({ year, month, page })),
      ),
      { year: '_', month: '_', page: '1' },
    ),
  );
