// The trail above a page (Home › Category › Article): what the visible breadcrumbs and their
// BreadcrumbList JSON-LD both show.
import type { Article } from './content';
import type { Term } from './content/terms';
import { taxonomies } from './terms';
import { type TermKind, urls } from './urls';

/** One step of the trail; the last is the page itself, which has no link. */
export interface Crumb {
  name: string;
  href?: string;
}

const home: Crumb = { name: 'Home', href: urls.home() };

/** Home › the article's category › the article; Home › the article without a category. */
export function articleCrumbs(article: Pick<Article, 'title' | 'category'>): Crumb[] {
  const { category } = article;
  return [
    home,
    ...(category ? [{ name: category.name, href: urls.term('categories', category.slug) }] : []),
    { name: article.title },
  ];
}

/** Home › Tags › the tag; a later page of the list adds itself after the term: › Page 2. */
export function termCrumbs(kind: TermKind, term: Pick<Term, 'name' | 'slug'>, page = 1): Crumb[] {
  const index = { name: taxonomies[kind].title, href: urls.termIndex(kind) };
  return page > 1
    ? [home, index, { name: term.name, href: urls.term(kind, term.slug) }, { name: `Page ${page}` }]
    : [home, index, { name: term.name }];
}
