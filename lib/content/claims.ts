// Which file keeps a URL: of two files with one slug the first in the folder's order keeps it, and an old
// path (`aliases`) leads to one article and never away from a current one. Kept file by file, so that a
// change to one file costs the files that claim what it claims, not a look at the whole folder.
import { quote } from '../front-matter';
import { urls } from '../urls';
import { folderOrder, inFolderOrder } from './files';
import { insertSorted, merged, removeSorted } from './sorted';
import type { ParsedArticle, ParseResult, Problem } from './types';

/** An article's URL as aliases are spelled: the one spelling, without the final slash. */
const articlePath = (slug: string) => urls.article(slug).replace(/\/$/, '');

export class Claims {
  readonly #dir: string;
  readonly #inFolderOrder: (a: string, b: string) => number;
  /** Every article file's parse. */
  readonly #parses = new Map<string, ParseResult>();
  /** The files each slug is claimed by, in the folder's order: the first keeps it. */
  readonly #claimants = new Map<string, string[]>();
  /** The slug whose article a path is, for every slug claimed. */
  readonly #slugAt = new Map<string, string>();
  /** Files whose article has old paths, in the folder's order. */
  #aliased: string[] = [];
  /** Files with problems of their own (unreadable, invalid, a slug taken), in the folder's order. */
  #troubled: string[] = [];
  readonly #ownProblems = new Map<string, Problem[]>();
  /** Articles left out for their old paths, with the problems that say why, in the folder's order. */
  #refused = new Map<string, Problem[]>();

  constructor(dir: string) {
    this.#dir = dir;
    this.#inFolderOrder = folderOrder(dir);
  }

  /** The article the index has of a file, drafts included, or undefined when the file is left out. */
  kept(file: string): ParsedArticle | undefined {
    const article = this.#parses.get(file)?.article;
    return article && this.#keeper(article.slug) === file && !this.#refused.has(file) ? article : undefined;
  }

  /** The problems of every file left out: each file's own in the folder's order, then those of old paths. */
  problems(): Problem[] {
    const own = this.#troubled.flatMap((file) => this.#ownProblems.get(file) as Problem[]);
    return [...own, ...[...this.#refused.values()].flat()];
  }

  /**
   * Takes new parses (undefined: the file is gone) and gives every file whose kept() may have changed:
   * those given, the others claiming a slug one of them claimed or claims, and those whose old paths
   * were refused or are no longer.
   */
  update(parses: Map<string, ParseResult | undefined>): Set<string> {
    const slugs = new Set<string>();
    const aliased = { gone: [] as string[], added: [] as string[] };
    for (const [file, result] of parses) {
      const before = this.#parses.get(file)?.article;
      if (before) this.#unclaim(file, before, slugs, aliased.gone);
      if (result) this.#parses.set(file, result);
      else this.#parses.delete(file);
      if (result?.article) this.#claim(file, result.article, slugs, aliased.added);
    }
    this.#aliased = merged(this.#aliased, aliased.gone, inFolderOrder(this.#dir, aliased.added), this.#inFolderOrder);

    const recheck = new Set(parses.keys());
    for (const slug of slugs) for (const file of this.#claimants.get(slug) ?? []) recheck.add(file);
    this.#checkOwn(recheck);
    const refusedBefore = this.#refused;
    this.#refused = this.#checkAliases();
    for (const file of refusedBefore.keys()) recheck.add(file);
    for (const file of this.#refused.keys()) recheck.add(file);
    return recheck;
  }

  #keeper(slug: string): string | undefined {
    return this.#claimants.get(slug)?.[0];
  }

  #claim(file: string, article: ParsedArticle, slugs: Set<string>, aliased: string[]) {
    slugs.add(article.slug);
    const files = this.#claimants.get(article.slug);
    if (files) insertSorted(files, file, this.#inFolderOrder);
    else {
      this.#claimants.set(article.slug, [file]);
      this.#slugAt.set(articlePath(article.slug), article.slug);
    }
    if (article.aliases.length > 0) aliased.push(file);
  }

  #unclaim(file: string, article: ParsedArticle, slugs: Set<string>, aliased: string[]) {
    slugs.add(article.slug);
    const files = this.#claimants.get(article.slug) as string[];
    removeSorted(files, file, this.#inFolderOrder);
    if (files.length === 0) {
      this.#claimants.delete(article.slug);
      this.#slugAt.delete(articlePath(article.slug));
    }
    if (article.aliases.length > 0) aliased.push(file);
  }

  /** Each file's own problems: its parse's, and the slug an earlier file keeps. */
  #checkOwn(files: Iterable<string>) {
    const gone: string[] = [];
    const added: string[] = [];
    for (const file of files) {
      const result = this.#parses.get(file);
      const problems = [...(result?.problems ?? [])];
      const article = result?.article;
      const keeper = article && this.#keeper(article.slug);
      if (article && keeper !== file) {
        const first = this.#parses.get(keeper as string)?.article as ParsedArticle;
        const message = `${quote(article.slug)} is also the slug of ${first.file}`;
        problems.push({ file: article.file, field: 'slug', message });
      }
      const listed = this.#ownProblems.has(file);
      if (problems.length > 0) this.#ownProblems.set(file, problems);
      else this.#ownProblems.delete(file);
      if (problems.length > 0 && !listed) added.push(file);
      if (problems.length === 0 && listed) gone.push(file);
    }
    this.#troubled = merged(this.#troubled, gone, inFolderOrder(this.#dir, added), this.#inFolderOrder);
  }

  /**
   * Each old path leads to one article, and never away from a current one: an article is left out, with
   * the other file named, when an alias of it is its own URL, another article's URL, or an alias the
   * first file to claim it keeps. Made again on every update, over the articles with old paths alone.
   */
  #checkAliases(): Map<string, Problem[]> {
    const refused = new Map<string, Problem[]>();
    const claimed = new Map<string, ParsedArticle>();
    for (const file of this.#aliased) {
      const article = this.#parses.get(file)?.article as ParsedArticle;
      if (this.#keeper(article.slug) !== file) continue;
      const own: Problem[] = [];
      for (const alias of article.aliases) {
        const slug = this.#slugAt.get(alias);
        const page = slug === undefined ? undefined : this.#parses.get(this.#keeper(slug) as string)?.article;
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
      if (own.length > 0) refused.set(file, own);
      else for (const alias of article.aliases) claimed.set(alias, article);
    }
    return refused;
  }
}
