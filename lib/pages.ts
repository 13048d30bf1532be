// Props for the Pages Router routes (pages/): the list views — home pages 2…n, tag, category and
// author pages, archive months — as plain JSON data, with their paths and document heads.
import { monthLabel } from './archive';
import { type Article, getContent } from './content';
import { renderMarkdown } from './markdown';
import { type HeadData, headOf, pageMetadata } from './metadata';
import { extraPages, type Page, paginate, parsePage } from './paginate';
import { site } from './site';
import { findTerm, taxonomies, termIndex } from './taxonomy';
import { articleCount } from './text';
import { type TermKind, urls } from './urls';

/** What a card in a list shows of an article. */
export type Card = Pick<Article, 'slug' | 'title' | 'excerpt' | 'date' | 'category' | 'coverImage'>;

/** An author's profile as a list page shows it, its markdown body rendered. */
export interface AuthorIntro {
  avatar?: string;
  bio?: string;
  html?: string;
  links: { label: string; url: string }[];
}

export interface ListView {
  title: string;
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

export interface ListPageProps {
  view: ListView;
  head: HeadData;
}

interface ListSpec {
  articles: Article[];
  pageSegment: string;
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
}

/** Props as JSON carries them: no `undefined` anywhere. */
export function jsonProps<T>(props: T): T {
  return JSON.parse(JSON.stringify(props));
}

/** The result of getStaticProps: props, or a 404 for a page that does not exist. */
export function propsOrNotFound<T>(props: T | undefined) {
  return props === undefined ? { notFound: true as const } : { props };
}

export const pathsOf = <T extends Record<string, string>>(params: T[]) => params.map((p) => ({ params: p }));

const card = ({ slug, title, excerpt, date, category, coverImage }: Article): Card => ({
  slug,
  title,
  excerpt,
  date,
  category,
  coverImage,
});

function pageNumber(segment: string): number | undefined {
  return segment === '1' ? 1 : parsePage(segment);
}

function listPage(spec: ListSpec): ListPageProps | undefined {
  const number = pageNumber(spec.pageSegment);
  const page: Page<Article> | undefined =
    number === undefined ? undefined : paginate(spec.articles, number, site.pageSize);
  if (!page) return undefined;
  const suffix = page.page > 1 ? `, page ${page.page}` : '';
  const view: ListView = {
    title: spec.heading,
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
  const head = headOf(
    pageMetadata({
      title: `${spec.title ?? spec.heading}${suffix}`,
      description: spec.description?.(page.total, suffix),
      path: spec.href(page.page),
      feedsOf: spec.feedsOf,
    }),
  );
  return jsonProps({ view, head });
}

export function homePage(pageSegment: string): ListPageProps | undefined {
  return listPage({
    articles: getContent().articles,
    pageSegment,
    href: urls.home,
    heading: 'Latest articles',
    feedsOf: urls.home(),
  });
}

export const homePaths = () => pathsOf(extraPages(getContent().articles.length, site.pageSize));

export function termPage(kind: TermKind, segment: string, pageSegment = '1'): ListPageProps | undefined {
  const term = findTerm(kind, segment);
  if (!term) return undefined;
  const noun = taxonomies[kind].noun;
  const profile = kind === 'authors' ? getContent().profiles.get(term.slug) : undefined;
  return listPage({
    articles: termIndex(kind).articles.get(term.slug) ?? [],
    pageSegment,
    href: (n) => urls.term(kind, term.slug, n),
    heading: kind === 'authors' ? term.name : `${noun}: ${term.name}`,
    title: `${noun}: ${term.name}`,
    description: (total, suffix) =>
      profile?.bio ?? `${articleCount(total)} under the ${noun.toLowerCase()} ${term.name}${suffix}.`,
    counted: true,
    feedsOf: urls.term(kind, term.slug),
    author:
      profile &&
      (() => ({
        avatar: profile.avatar ?? undefined,
        bio: profile.bio ?? undefined,
        html: profile.body ? renderMarkdown(profile.body) : undefined,
        links: profile.links ?? [],
      })),
  });
}

export const termPaths = (kind: TermKind) => pathsOf(termIndex(kind).terms.map((t) => ({ term: t.slug })));

export function termPagePaths(kind: TermKind) {
  const { terms, articles } = termIndex(kind);
  return pathsOf(
    terms.flatMap((t) =>
      extraPages(articles.get(t.slug)?.length ?? 0, site.pageSize).map(({ page }) => ({ term: t.slug, page })),
    ),
  );
}

export function monthPage(year: string, month: string, pageSegment = '1'): ListPageProps | undefined {
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
}

const months = () => [...getContent().months].map(([key, list]) => ({ key: key.split('-'), list }));

export const monthPaths = () => pathsOf(months().map(({ key: [year, month] }) => ({ year, month })));

export const monthPagePaths = () =>
  pathsOf(
    months().flatMap(({ key: [year, month], list }) =>
      extraPages(list.length, site.pageSize).map(({ page }) => ({ year, month, page })),
    ),
  );
