// The index pages list from: articles newest first, by slug, by term and by month, with term spellings
// merged across files. Kept as articles come and go, so that a change to one file costs that article
// and the lists it is in, not the whole folder again (100,000 articles took seconds, and a server
// answers nothing meanwhile). Every index it gives is a new object, sharing with the one before the
// lists a change did not touch, its bySlug map (changed in place) and its terms (respelled in place,
// TermBook.settle).
import { site } from '../site';
import { merged } from './sorted';
import { type Term, TermBook } from './terms';
import type { Article, AuthorProfile, ContentIndex, ParsedArticle, TermIndex } from './types';

const KINDS = ['tags', 'categories', 'authors', 'series'] as const;
type Kind = (typeof KINDS)[number];

/** The spellings an article's file gives for each kind of term. */
const spellingsOf: Record<Kind, (p: ParsedArticle) => string[]> = {
  tags: (p) => p.tagNames,
  categories: (p) => (p.categoryName ? [p.categoryName] : []),
  authors: (p) => [p.authorName],
  series: (p) => (p.seriesName ? [p.seriesName] : []),
};

/** The terms an article has of each kind. */
const termsOf: Record<Kind, (a: Article) => Term[]> = {
  tags: (a) => a.tags,
  categories: (a) => (a.category ? [a.category] : []),
  authors: (a) => [a.author],
  series: (a) => (a.series ? [a.series] : []),
};

/** English collation, made once: `localeCompare(b, 'en')` makes one for every comparison, 50 times slower. */
const english = new Intl.Collator('en');

/** Newest first, then by title, then by slug: a total order, since no two articles share a slug. */
export function byDateThenTitle(a: Article, b: Article): number {
  if (a.date.iso !== b.date.iso) return a.date.iso < b.date.iso ? 1 : -1;
  return english.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Articles of one kind of term: the spellings counted, and each term's articles newest first, by key. */
interface Listing {
  book: TermBook;
  lists: Map<string, Article[]>;
  index: TermIndex;
}

type Shown = Omit<ContentIndex, 'dir' | 'problems'>;

/** The articles kept under `key`, each list grouped from `articles` in their order. */
function byKey(articles: Iterable<Article>, keysOf: (a: Article) => Iterable<string>): Map<string, Article[]> {
  const lists = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const list = lists.get(key);
      if (list) list.push(article);
      else lists.set(key, [article]);
    }
  }
  return lists;
}

/** Lists by key with the articles that left taken out and those that came put in; the same map when no list changed. */
function patched(
  lists: Map<string, Article[]>,
  leaving: Article[],
  entered: Article[],
  keysOf: (a: Article) => Iterable<string>,
): Map<string, Article[]> {
  const goneBy = byKey(leaving, keysOf);
  const addedBy = byKey(entered, keysOf);
  const touched = new Set([...goneBy.keys(), ...addedBy.keys()]);
  if (touched.size === 0) return lists;
  const next = new Map(lists);
  for (const key of touched) {
    const list = merged(lists.get(key) ?? [], goneBy.get(key) ?? [], addedBy.get(key) ?? [], byDateThenTitle);
    if (list.length > 0) next.set(key, list);
    else next.delete(key);
  }
  return next;
}

const monthOf = (a: Article) => a.date.day.slice(0, 7);

export class ArticleIndex {
  readonly #includeDrafts: boolean;
  /** The article shown of each file, and the parse it was made of. */
  readonly #shown = new Map<string, { article: Article; parsed: ParsedArticle }>();
  readonly #kinds: Record<Kind, Listing>;
  #months = new Map<string, Article[]>();
  /** Profiles by author key, in the order of their files. */
  #profiles = new Map<string, AuthorProfile>();
  #index: Shown;

  constructor(includeDrafts: boolean) {
    this.#includeDrafts = includeDrafts;
    const listing = (overrides: Record<string, string>): Listing => ({
      book: new TermBook(overrides),
      lists: new Map(),
      index: { terms: [], bySlug: new Map(), articles: new Map() },
    });
    this.#kinds = {
      tags: listing(site.termNames),
      categories: listing(site.termNames),
      authors: listing({}),
      series: listing(site.termNames),
    };
    const { tags, categories, authors, series } = this.#kinds;
    this.#index = {
      articles: [],
      bySlug: new Map(),
      tags: tags.index,
      categories: categories.index,
      authors: authors.index,
      series: series.index,
      months: new Map(),
      profiles: new Map(),
    };
  }

  /**
   * Takes the article each file now gives (undefined: none, or left out) and the author profiles when they
   * changed, and gives the index: what a fresh look at the folder would make of the same files.
   */
  update(kept: Iterable<[string, ParsedArticle | undefined]>, profiles?: Map<string, AuthorProfile>): Shown {
    const leaving: Article[] = [];
    const coming: [string, ParsedArticle][] = [];
    for (const [file, article] of kept) {
      const after = article && (this.#includeDrafts || !article.draft) ? article : undefined;
      const before = this.#shown.get(file);
      if (before?.parsed === after) continue;
      if (before) {
        leaving.push(before.article);
        this.#count(before.parsed, -1);
        this.#shown.delete(file);
      }
      if (after) {
        coming.push([file, after]);
        this.#count(after, 1);
      }
    }
    if (profiles) {
      this.#profiles = profiles;
      this.#kinds.authors.book.setOverrides(Object.fromEntries([...profiles].map(([key, p]) => [key, p.name])));
    }
    const respelled = Object.fromEntries(KINDS.map((kind) => [kind, this.#kinds[kind].book.settle()])) as Record<
      Kind,
      Set<string>
    >;
    if (leaving.length === 0 && coming.length === 0 && !profiles && KINDS.every((k) => respelled[k].size === 0)) {
      return this.#index;
    }

    // Made once every term is settled: an article holds its terms.
    const entered = coming
      .map(([file, parsed]) => {
        const article = this.#make(parsed);
        this.#shown.set(file, { article, parsed });
        return article;
      })
      .sort(byDateThenTitle);
    // Changed in place, not copied: 100,000 entries took 25 ms to copy. Pages look articles up in the
    // latest index alone (getContent().bySlug), so an older index seeing a newer article does no harm.
    const { bySlug } = this.#index;
    for (const article of leaving) if (bySlug.get(article.slug) === article) bySlug.delete(article.slug);
    for (const article of entered) bySlug.set(article.slug, article);

    for (const kind of KINDS) this.#relist(kind, leaving, entered, respelled[kind]);
    this.#months = patched(this.#months, leaving, entered, (a) => [monthOf(a)]);
    const { tags, categories, authors, series } = this.#kinds;
    this.#index = {
      articles: merged(this.#index.articles, leaving, entered, byDateThenTitle),
      bySlug,
      tags: tags.index,
      categories: categories.index,
      authors: authors.index,
      series: series.index,
      // Newest month first: by each month's newest article, as a look down the whole list would meet them.
      months: new Map([...this.#months].sort(([, a], [, b]) => byDateThenTitle(a[0], b[0]))),
      profiles: this.#profilesBySlug(),
    };
    return this.#index;
  }

  #count(parsed: ParsedArticle, by: 1 | -1) {
    for (const kind of KINDS)
      for (const spelling of spellingsOf[kind](parsed)) this.#kinds[kind].book.count(spelling, by);
  }

  /** An article as readers see it: its file's spellings turned into the folder's terms. */
  #make(p: ParsedArticle): Article {
    const { tags, categories, authors, series } = this.#kinds;
    // Each tag once, however many of its spellings the file gives: they share one term.
    const unique: Term[] = [];
    for (const name of p.tagNames) {
      const term = tags.book.get(name) as Term;
      if (!unique.includes(term)) unique.push(term);
    }
    // Every field named, not spread: spreading 100,000 parses took a second.
    const article: Article = {
      slug: p.slug,
      file: p.file,
      filePath: p.filePath,
      format: p.format,
      title: p.title,
      excerpt: p.excerpt,
      excerptFromBody: p.excerptFromBody,
      date: p.date,
      updated: p.updated,
      corrections: p.corrections,
      aliases: p.aliases,
      coverImage: p.coverImage,
      author: authors.book.get(p.authorName) as Term,
      tags: unique,
      category: p.categoryName ? categories.book.get(p.categoryName) : undefined,
      series: p.seriesName ? series.book.get(p.seriesName) : undefined,
      seriesPart: p.seriesPart,
      source: p.source,
      sourceHost: p.sourceHost,
      draft: p.draft,
      readingMinutes: p.readingMinutes,
    } satisfies Record<keyof Article, unknown>;
    return article;
  }

  /** One kind's lists patched, and its index made again when a list or a term of it changed. */
  #relist(kind: Kind, leaving: Article[], entered: Article[], respelled: Set<string>) {
    const listing = this.#kinds[kind];
    const before = listing.lists;
    listing.lists = patched(before, leaving, entered, (a) => termsOf[kind](a).map((t) => t.key));
    if (listing.lists === before && respelled.size === 0) return;
    const count = (t: Term) => listing.lists.get(t.key)?.length ?? 0;
    // The last order, with the terms that came at the end: sorting a list nearly in order is quick.
    const known = new Set(listing.index.terms.map((t) => t.key));
    const terms = [...listing.index.terms.map((t) => t.key), ...[...listing.lists.keys()].filter((k) => !known.has(k))]
      .filter((key) => listing.lists.has(key))
      .map((key) => listing.book.byKey(key) as Term)
      .sort((a, b) => count(b) - count(a) || english.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
    listing.index = {
      terms,
      bySlug: new Map(terms.map((t) => [t.slug, t])),
      articles: new Map(terms.map((t) => [t.slug, listing.lists.get(t.key) as Article[]])),
    };
  }

  /** Profiles by author slug, of the authors who have articles shown. */
  #profilesBySlug(): Map<string, AuthorProfile> {
    const authors = this.#kinds.authors;
    return new Map(
      [...this.#profiles].flatMap(([key, profile]) => {
        const term = authors.lists.has(key) ? authors.book.byKey(key) : undefined;
        return term ? [[term.slug, profile] as const] : [];
      }),
    );
  }
}
