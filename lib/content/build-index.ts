// A whole folder: every article read, slugs checked unique, term spellings merged across files, drafts
// dropped, and the indexes the pages list from (terms, months, profiles by author).
import { quote } from '../front-matter';
import { site } from '../site';
import { urls } from '../urls';
import { isProfile, listArticleFiles, shownPath } from './files';
import { cachedParse, readArticleFile, readProfiles } from './parse';
import { buildTerms, type Term, termKey } from './terms';
import type { Article, ContentIndex, LoadOptions, ParseCache, ParsedArticle, Problem, TermIndex } from './types';

/**
 * Reads and validates every article file of a folder, drafts included, and checks slugs and aliases
 * are unique. Problems are collected across all files, never thrown one by one.
 */
export function readArticles(
  dir: string,
  cache?: ParseCache,
  stamps?: Map<string, string>,
): { articles: ParsedArticle[]; problems: Problem[]; files: number } {
  const problems: Problem[] = [];
  const articles: ParsedArticle[] = [];
  let files: string[] = stamps ? [...stamps.keys()].filter((f) => !isProfile(dir, f)) : [];
  try {
    if (!stamps) files = listArticleFiles(dir);
  } catch (error) {
    const reason = (error as Error).message;
    problems.push({
      file: shownPath(dir),
      field: 'CONTENT_DIR',
      message: `cannot read the content folder (${reason})`,
    });
  }
  const owners = new Map<string, ParsedArticle>();
  for (const file of files) {
    const result = cache ? cachedParse(cache, file, stamps?.get(file)) : readArticleFile(file);
    problems.push(...result.problems);
    if (!result.article) continue;
    const first = owners.get(result.article.slug);
    if (first) {
      const message = `${quote(result.article.slug)} is also the slug of ${first.file}`;
      problems.push({ file: result.article.file, field: 'slug', message });
    } else {
      owners.set(result.article.slug, result.article);
      articles.push(result.article);
    }
  }
  const kept = withUniqueAliases(articles, owners, problems);
  return { articles: kept, problems, files: files.length };
}

/** An article's URL as aliases are spelled: the one spelling, without the final slash. */
const articlePath = (slug: string) => urls.article(slug).replace(/\/$/, '');

/**
 * Each old path leads to one article, and never away from a current one: an article is left out, with
 * the other file named, when an alias of it is its own URL, another article's URL, or an alias the
 * first file to claim it keeps.
 */
function withUniqueAliases(
  articles: ParsedArticle[],
  bySlug: Map<string, ParsedArticle>,
  problems: Problem[],
): ParsedArticle[] {
  const claimed = new Map<string, ParsedArticle>();
  const byPath = new Map([...bySlug.values()].map((a) => [articlePath(a.slug), a]));
  return articles.filter((article) => {
    const own: Problem[] = [];
    for (const alias of article.aliases) {
      const page = byPath.get(alias);
      const first = claimed.get(alias);
      const message =
        page === article
          ? `${quote(alias)} is this article's own URL`
          : page
            ? `${quote(alias)} is the URL of ${page.file}`
            : first
              ? `${quote(alias)} is also an alias of ${first.file}`
              : undefined;
      if (message) own.push({ file: article.file, field: 'aliases', message });
    }
    problems.push(...own);
    if (own.length > 0) return false;
    for (const alias of article.aliases) claimed.set(alias, article);
    return true;
  });
}

/** Loads and indexes a content folder: merges term spellings, drops drafts, sorts newest first. */
export function loadContent(dir: string, options: LoadOptions = {}): { index: ContentIndex; problems: Problem[] } {
  const { articles: parsed, problems: articleProblems } = readArticles(dir, options.cache, options.stamps);
  const { profiles: profilesByKey, problems: profileProblems } = readProfiles(dir);
  const problems = [...articleProblems, ...profileProblems];
  const visible = parsed.filter((d) => options.includeDrafts || !d.draft);
  const tags = buildTerms(
    visible.flatMap((d) => d.tagNames),
    site.termNames,
  );
  const categories = buildTerms(
    visible.flatMap((d) => (d.categoryName ? [d.categoryName] : [])),
    site.termNames,
  );
  const series = buildTerms(
    visible.flatMap((d) => (d.seriesName ? [d.seriesName] : [])),
    site.termNames,
  );
  // A profile's spelling of the name is the one readers see.
  const authors = buildTerms(
    visible.map((d) => d.authorName),
    Object.fromEntries([...profilesByKey].map(([key, p]) => [key, p.name])),
  );
  const lookup = (terms: Map<string, Term>, name: string) => terms.get(termKey(name)) as Term;

  const articles = visible
    .map(({ authorName, tagNames, categoryName, seriesName, ...rest }): Article => {
      const uniqueTags = [...new Map(tagNames.map((n) => [termKey(n), lookup(tags, n)])).values()];
      return {
        ...rest,
        author: lookup(authors, authorName),
        tags: uniqueTags,
        category: categoryName ? lookup(categories, categoryName) : undefined,
        series: seriesName ? lookup(series, seriesName) : undefined,
      };
    })
    .sort(byDateThenTitle);

  return {
    problems,
    index: {
      dir,
      articles,
      bySlug: new Map(articles.map((a) => [a.slug, a])),
      tags: indexTerms(articles, (a) => a.tags),
      categories: indexTerms(articles, (a) => (a.category ? [a.category] : [])),
      authors: indexTerms(articles, (a) => [a.author]),
      series: indexTerms(articles, (a) => (a.series ? [a.series] : [])),
      months: indexMonths(articles),
      profiles: new Map(
        [...authors.values()].flatMap((t) => {
          const profile = profilesByKey.get(t.key);
          return profile ? [[t.slug, profile] as const] : [];
        }),
      ),
      problems,
    },
  };
}

/** English collation, made once: `localeCompare(b, 'en')` makes one for every comparison, 50 times slower. */
const english = new Intl.Collator('en');

function byDateThenTitle(a: Article, b: Article): number {
  if (a.date.iso !== b.date.iso) return a.date.iso < b.date.iso ? 1 : -1;
  return english.compare(a.title, b.title) || (a.slug < b.slug ? -1 : 1);
}

export function indexTerms(articles: Article[], pick: (a: Article) => Term[]): TermIndex {
  const lists = new Map<string, Article[]>();
  const bySlug = new Map<string, Term>();
  for (const article of articles) {
    for (const term of pick(article)) {
      bySlug.set(term.slug, term);
      const list = lists.get(term.slug) ?? [];
      list.push(article);
      lists.set(term.slug, list);
    }
  }
  const count = (t: Term) => lists.get(t.slug)?.length ?? 0;
  const terms = [...bySlug.values()].sort((a, b) => count(b) - count(a) || english.compare(a.name, b.name));
  return { terms, bySlug, articles: lists };
}

export function indexMonths(articles: Article[]): Map<string, Article[]> {
  const months = new Map<string, Article[]>();
  for (const article of articles) {
    const key = article.date.day.slice(0, 7);
    const list = months.get(key);
    if (list) list.push(article);
    else months.set(key, [article]);
  }
  return months;
}

/** Articles syndication may announce: newest first, none dated after `now`. */
export function publishedBy(articles: Article[], now = new Date()): Article[] {
  const limit = now.toISOString();
  return articles.filter((a) => a.date.iso <= limit);
}
