// What the loader hands out and what goes wrong: the shapes every other module of the loader shares.
// It imports no other module of the loader, so any of them can import it without a cycle.
import type { AuthorProfileFields, CalendarDate } from '../schema';
import type { Term } from './terms';

/** A correction the newsroom published: when, and what it says (plain text). */
export interface Correction {
  date: CalendarDate;
  text: string;
}

/**
 * An article as the index holds it: what lists, metadata and feeds need, and no body. What the body
 * gives (excerpt, reading time) is made when the file is parsed; a page reads the body itself from the
 * file when it renders (articleBody, body.ts), so a large folder's bodies never all sit in memory.
 */
export interface Article {
  slug: string;
  /** Path of the source file, as shown in messages. */
  file: string;
  /** Absolute path of the source file: where articleBody (body.ts) reads the body when a page renders. */
  filePath: string;
  format: 'md' | 'mdx';
  title: string;
  excerpt: string;
  /** True when the excerpt was made from the body because the front-matter had none. */
  excerptFromBody: boolean;
  date: CalendarDate;
  updated?: CalendarDate;
  /** Newest first. Each counts as an update (lastModified). */
  corrections: Correction[];
  /** Old paths of the article that redirect to it: canonical spelling, no final slash, each once. */
  aliases: string[];
  coverImage?: string;
  author: Term;
  tags: Term[];
  category?: Term;
  series?: Term;
  /** The article's place in its series, from 1. */
  seriesPart?: number;
  source?: string;
  sourceHost?: string;
  draft: boolean;
  readingMinutes: number;
}

/** What a link to an article shows. */
export type ArticleLink = Pick<Article, 'slug' | 'title' | 'date'>;

/** An article as its file says it, before spellings are merged into terms across the whole folder. */
export interface ParsedArticle extends Omit<Article, 'author' | 'tags' | 'category' | 'series'> {
  authorName: string;
  tagNames: string[];
  categoryName?: string;
  seriesName?: string;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

export class ContentError extends Error {
  declare readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(
      `${problems.length} content file problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'ContentError';
    // Not enumerable: build tools print enumerable fields after the message, which would say it all twice.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
  }
}

export interface TermIndex {
  /** Most used first, then by name. */
  terms: Term[];
  bySlug: Map<string, Term>;
  articles: Map<string, Article[]>;
}

export interface ContentIndex {
  dir: string;
  /** Newest first; ties by title. */
  articles: Article[];
  /** For looking up: the live index changes this map in place (article-index.ts), and its order means nothing. */
  bySlug: Map<string, Article>;
  tags: TermIndex;
  categories: TermIndex;
  authors: TermIndex;
  /** Series by name, merged like categories; each series' articles newest first, as everywhere. */
  series: TermIndex;
  /** Articles by month of publication, `YYYY-MM` keys newest first. */
  months: Map<string, Article[]>;
  /** Author profiles from `_authors/`, by author slug. */
  profiles: Map<string, AuthorProfile>;
  /** Files left out for their problems: only `npm run dev` and `npm start` serve an index that has any. */
  problems: Problem[];
}

export interface AuthorProfile extends AuthorProfileFields {
  file: string;
  /** The profile file's body: a longer bio in markdown. */
  body: string;
}

/** What parsing one file gives: the article, or the problems that leave it out. */
export type ParseResult = { article?: ParsedArticle; problems: Problem[] };

/** Parsed files by path, with the size and time of the version parsed: `npm run dev` re-reads only what changed. */
export type ParseCache = Map<string, { stamp: string; result: ParseResult }>;

export interface LoadOptions {
  includeDrafts?: boolean;
  /** Reuses the parse of files unchanged since it was made. */
  cache?: ParseCache;
  /** The folder's files with their stamps, when the caller has just looked (see liveContent). */
  stamps?: Map<string, string>;
}
