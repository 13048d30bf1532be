// The content loader: reads every article once, validates, normalises, sorts and indexes it.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { FrontMatterError, quote, readFrontMatterBlock } from './front-matter';
import { loadParses, saveParses } from './parse-store';
import { type AuthorProfileFields, authorProfileSchema, type CalendarDate, frontMatterSchema } from './schema';
import { readSettings } from './settings.mjs';
import { site } from './site';
import { buildTerms, type Term, termKey } from './terms';
import { decodeEntities, makeExcerpt, plainText, readingMinutes, squish } from './text';
import { hostOf } from './urls';

export interface Article {
  slug: string;
  /** Path of the source file, as shown in messages. */
  file: string;
  format: 'md' | 'mdx';
  title: string;
  excerpt: string;
  /** True when the excerpt was made from the body because the front-matter had none. */
  excerptFromBody: boolean;
  date: CalendarDate;
  updated?: CalendarDate;
  coverImage?: string;
  author: Term;
  tags: Term[];
  category?: Term;
  source?: string;
  sourceHost?: string;
  draft: boolean;
  readingMinutes: number;
  body: string;
}

/** What a link to an article shows. */
export type ArticleLink = Pick<Article, 'slug' | 'title' | 'date'>;

export interface Problem {
  file: string;
  field: string;
  message: string;
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

/** The article URL segment a file gets from its name: where `npm run dev` shows the file's problems. */
export function fileSlug(file: string): string {
  return path
    .basename(file)
    .replace(/\.mdx?$/i, '')
    .normalize('NFC')
    .toLowerCase();
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
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
  bySlug: Map<string, Article>;
  tags: TermIndex;
  categories: TermIndex;
  authors: TermIndex;
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

export interface LoadOptions {
  includeDrafts?: boolean;
  /** Reuses the parse of files unchanged since it was made. */
  cache?: ParseCache;
  /** The folder's files with their stamps, when the caller has just looked (see liveContent). */
  stamps?: Map<string, string>;
}

export function contentDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), readSettings().contentDir);
}

function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.length < file.length ? rel : file;
}

/** Every `.md`/`.mdx` below `dir`, skipping names that start with `_` or `.`, in a stable order. */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/i.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** An article as its file says it, before spellings are merged into terms across the whole folder. */
export interface ParsedArticle extends Omit<Article, 'author' | 'tags' | 'category'> {
  authorName: string;
  tagNames: string[];
  categoryName?: string;
}

/** An article is a page of text: a file this large is not one, and is refused before it is read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A file's text, or a problem when it is too large to be an article or cannot be read. */
function readSource(file: string): { source: string; problem?: never } | { source?: never; problem: Problem } {
  const problem = (message: string) => ({ problem: { file: shownPath(file), field: 'file', message } });
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      return problem(
        `is ${(size / 1024 / 1024).toFixed(1)} MB; an article may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    return { source: readFileSync(fd, 'utf8') };
  } catch (error) {
    return problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Front-matter of one file checked against a schema; every problem names the file and the field. */
function readFrontMatter<T>(
  shown: string,
  source: string,
  schema: z.ZodType<T>,
): { data: T; body: string; problems?: never } | { data?: never; body?: never; problems: Problem[] } {
  let block: ReturnType<typeof readFrontMatterBlock>;
  try {
    block = readFrontMatterBlock(source);
  } catch (error) {
    const message = error instanceof FrontMatterError ? error.message : `cannot be read (${(error as Error).message})`;
    return { problems: [{ file: shown, field: 'front-matter', message }] };
  }
  const result = schema.safeParse(block.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      file: shown,
      field: issue.path.join('.').slice(0, 80) || 'front-matter',
      message: issue.message,
    }));
    return { problems };
  }
  return { data: result.data, body: block.body };
}

type ParseResult = { article?: ParsedArticle; problems: Problem[] };

/** One article file, read and parsed; a file that cannot be read or parsed is a problem, never a throw. */
export function readArticleFile(file: string): ParseResult {
  const { source, problem } = readSource(file);
  return problem ? { problems: [problem] } : parseArticle(file, source);
}

export function parseArticle(file: string, source: string): ParseResult {
  const shown = shownPath(file);
  try {
    return articleFrom(file, shown, source);
  } catch (error) {
    // A bug of ours met by odd input: the file is left out and named, the rest of the site stands.
    return { problems: [{ file: shown, field: 'file', message: `cannot be read (${(error as Error).message})` }] };
  }
}

function articleFrom(file: string, shown: string, source: string): ParseResult {
  const result = readFrontMatter(shown, source, frontMatterSchema);
  if (result.problems) return { problems: result.problems };
  const { data: fm, body } = result;
  const plain = plainText(body);
  const ext = path.extname(file).toLowerCase();
  return {
    problems: [],
    article: {
      slug: fm.slug ? fm.slug.normalize('NFC').toLowerCase() : fileSlug(file),
      file: shown,
      format: ext === '.mdx' ? 'mdx' : 'md',
      title: squish(decodeEntities(fm.title)),
      excerpt: makeExcerpt(fm.excerpt ?? undefined, body, undefined, plain),
      excerptFromBody: !fm.excerpt?.trim(),
      date: fm.date,
      updated: fm.updated,
      coverImage: fm.coverImage ?? undefined,
      authorName: fm.author ? decodeEntities(fm.author) : site.defaultAuthor,
      tagNames: fm.tags.map((t) => decodeEntities(t)),
      categoryName: fm.category ? decodeEntities(fm.category) : undefined,
      source: fm.source ?? undefined,
      sourceHost: fm.source ? hostOf(fm.source) : undefined,
      draft: fm.draft === true,
      readingMinutes: readingMinutes(plain),
      body,
    },
  };
}

function byDateThenTitle(a: Article, b: Article): number {
  if (a.date.iso !== b.date.iso) return a.date.iso < b.date.iso ? 1 : -1;
  return a.title.localeCompare(b.title, 'en') || (a.slug < b.slug ? -1 : 1);
}

function indexTerms(articles: Article[], pick: (a: Article) => Term[]): TermIndex {
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
  const terms = [...bySlug.values()].sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name, 'en'));
  return { terms, bySlug, articles: lists };
}

/**
 * Reads and validates every article file of a folder, drafts included, and checks slugs are unique.
 * Problems are collected across all files, never thrown one by one.
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
  return { articles, problems, files: files.length };
}

/** Parsed files by path, with the size and time of the version parsed: `npm run dev` re-reads only what changed. */
export type ParseCache = Map<string, { stamp: string; result: ParseResult }>;

function cachedParse(cache: ParseCache, file: string, known?: string): ParseResult {
  const stamp = known ?? fileStamp(file);
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.result;
  const result = readArticleFile(file);
  cache.set(file, { stamp, result });
  return result;
}

function fileStamp(file: string): string {
  const { mtimeMs, size } = statSync(file);
  return `${mtimeMs}:${size}`;
}

/** Reads `_authors/*.md` of a content folder, if there is one: profiles keyed by the author they name. */
export function readProfiles(dir: string): { profiles: Map<string, AuthorProfile>; problems: Problem[] } {
  const folder = path.join(dir, '_authors');
  const profiles = new Map<string, AuthorProfile>();
  const problems: Problem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(folder)
      .filter((f) => /\.mdx?$/i.test(f) && !f.startsWith('.'))
      .sort()
      .map((f) => path.join(folder, f));
  } catch {
    return { profiles, problems };
  }
  for (const file of files) {
    const shown = shownPath(file);
    const { source, problem } = readSource(file);
    const result = problem ? { problems: [problem] } : readFrontMatter(shown, source, authorProfileSchema);
    if (result.problems) {
      problems.push(...result.problems);
      continue;
    }
    const key = termKey(result.data.name);
    const first = profiles.get(key);
    if (first) {
      problems.push({
        file: shown,
        field: 'name',
        message: `${quote(result.data.name)} also has a profile in ${first.file}`,
      });
    } else {
      profiles.set(key, { ...result.data, file: shown, body: result.body.trim() });
    }
  }
  return { profiles, problems };
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
  // A profile's spelling of the name is the one readers see.
  const authors = buildTerms(
    visible.map((d) => d.authorName),
    Object.fromEntries([...profilesByKey].map(([key, p]) => [key, p.name])),
  );
  const lookup = (terms: Map<string, Term>, name: string) => terms.get(termKey(name)) as Term;

  const articles = visible
    .map(({ authorName, tagNames, categoryName, ...rest }): Article => {
      const uniqueTags = [...new Map(tagNames.map((n) => [termKey(n), lookup(tags, n)])).values()];
      return {
        ...rest,
        author: lookup(authors, authorName),
        tags: uniqueTags,
        category: categoryName ? lookup(categories, categoryName) : undefined,
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

function indexMonths(articles: Article[]): Map<string, Article[]> {
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

// Next bundles each route separately, so a module-level variable would be one per route bundle:
// the index lives on globalThis to be loaded once per process, however many routes ask for it.
const memo = globalThis as typeof globalThis & {
  __inkwellContent?: Map<string, ContentIndex>;
  __inkwellLive?: Map<string, LiveContent>;
};

interface LiveContent {
  index: ContentIndex;
  cache: ParseCache;
  /** Every file of the folder with its size and time, as last seen. */
  stamps: Map<string, string>;
  checkedAt: number;
  /** Counts the indexes made: a new one means the folder changed. */
  version: number;
  /** The version the last refreshContent() call saw. */
  refreshed: number;
  /** How many articles the feeds could announce at that call: a scheduled one falls due without a file changing. */
  due?: number;
  /** `npm run dev`: the pending write of the parses for the next run. */
  saveTimer?: ReturnType<typeof setTimeout>;
}

/** How long a look at the folder is trusted: in `npm run dev`, one page's requests share one look. */
const DEV_RECHECK_MS = 200;
/** On the Node host (`npm start`), pages rendered within a second share one look. */
const SERVER_RECHECK_MS = 1000;
/** `npm run dev` keeps its parses for the next run once the folder has been still this long. */
const SAVE_PARSES_AFTER_MS = 3000;

/**
 * The site's content. A build loads it once per process and fails on a bad file with every problem
 * listed. `npm run dev` and the Node host's server (`npm start`, which sets INKWELL_LIVE_CONTENT) look
 * at the folder again when a page is rendered: they stat every file, re-read only the ones whose size or
 * time changed, and keep serving without a bad file. Dev pages name it (index.problems); the server
 * logs it.
 */
export function getContent(): ContentIndex {
  const dir = contentDir();
  const mode = readSettings().contentMode;
  if (mode === 'dev') return liveContent(dir, DEV_RECHECK_MS, true).index;
  if (mode === 'live') return liveContent(dir, SERVER_RECHECK_MS, false).index;
  memo.__inkwellContent ??= new Map();
  let index = memo.__inkwellContent.get(dir);
  if (!index) {
    const loaded = loadContent(dir);
    if (loaded.problems.length > 0) throw new ContentError(loaded.problems);
    index = loaded.index;
    memo.__inkwellContent.set(dir, index);
  }
  return index;
}

/** `npm run dev`: a number that changes whenever the content folder does (see app/dev-reload). */
export function devContentVersion(): number {
  return liveContent(contentDir(), DEV_RECHECK_MS, true).version;
}

/**
 * Looks at the content folder now and says whether it changed since the last call, or an article
 * dated in the future has fallen due for the feeds: the Node host's server calls this every
 * REVALIDATE_SECONDS (app/api/content/route.ts) and then revalidates its pages.
 */
export function refreshContent(now = new Date()): { changed: boolean; index: ContentIndex } {
  const live = liveContent(contentDir(), 0, false);
  const due = publishedBy(live.index.articles, now).length;
  const changed = live.version !== live.refreshed || (live.due !== undefined && due !== live.due);
  live.refreshed = live.version;
  live.due = due;
  return { changed, index: live.index };
}

function liveContent(dir: string, recheckMs: number, includeDrafts: boolean): LiveContent {
  memo.__inkwellLive ??= new Map();
  const last = memo.__inkwellLive.get(dir);
  const now = Date.now();
  if (last && now - last.checkedAt < recheckMs) return last;
  const stamps = folderStamps(dir);
  if (last && sameStamps(stamps, last.stamps)) {
    last.checkedAt = now;
    return last;
  }
  // `npm run dev` starts from the parses of its last run (lib/parse-store.ts) and keeps them for the next.
  const dev = readSettings().contentMode === 'dev';
  const cache = last?.cache ?? (dev ? loadParses(dir) : new Map());
  // An empty look is a missing folder, or an empty one: read it plainly, so a missing one is named.
  const { index } = loadContent(dir, { includeDrafts, cache, stamps: stamps.size ? stamps : undefined });
  for (const file of cache.keys()) if (!stamps.has(file)) cache.delete(file);
  if (!includeDrafts) logNewProblems(index.problems, last?.index.problems ?? []);
  const version = (last?.version ?? 0) + 1;
  const live: LiveContent = { index, cache, stamps, checkedAt: now, version, refreshed: last?.refreshed ?? version };
  memo.__inkwellLive.set(dir, live);
  // Saved once the folder has been still for a while, off the request that noticed the change.
  if (dev) {
    clearTimeout(last?.saveTimer);
    const save = () => memo.__inkwellLive?.get(dir) === live && saveParses(dir, cache);
    live.saveTimer = setTimeout(save, SAVE_PARSES_AFTER_MS).unref();
  }
  return live;
}

/** The server's log names each bad file once, when it is first seen, and says it is served without it. */
function logNewProblems(problems: Problem[], known: Problem[]) {
  const seen = new Set(known.map(formatProblem));
  for (const p of problems) if (!seen.has(formatProblem(p))) console.error(`content: left out: ${formatProblem(p)}`);
}

const sameStamps = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([file, stamp]) => b.get(file) === stamp);

const isProfile = (dir: string, file: string) => path.dirname(file) === path.join(dir, '_authors');

/** Every article and profile file under `dir` with its size and modification time; none for no folder. */
function folderStamps(dir: string): Map<string, string> {
  const files: string[] = [];
  try {
    files.push(...listArticleFiles(dir));
  } catch {
    return new Map();
  }
  try {
    const authors = path.join(dir, '_authors');
    files.push(...readdirSync(authors).map((f) => path.join(authors, f)));
  } catch {}
  const stamps = new Map<string, string>();
  for (const file of files) {
    try {
      stamps.set(file, fileStamp(file));
    } catch {}
  }
  return stamps;
}
