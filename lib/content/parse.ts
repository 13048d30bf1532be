// One file at a time: front-matter checked against its schema, an article or a profile made of it.
// Nothing here throws on a bad file: every failure is a problem that names the file and the field.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { FrontMatterError, quote, readFrontMatterBlock } from '../front-matter';
import { authorProfileSchema, frontMatterSchema } from '../schema';
import { site } from '../site';
import { decodeEntities, makeExcerpt, plainText, readingMinutes, squish } from '../text';
import { hostOf } from '../urls';
import { fileSlug, fileStamp, readSource, shownPath } from './files';
import { termKey } from './terms';
import type { AuthorProfile, ParseCache, ParsedArticle, ParseResult, Problem } from './types';

/**
 * A file's front-matter block and body, split and its YAML read, or the problem that stops it: the one
 * way both the parse and articleBody (body.ts) read a file, so a page's body is the body parsed.
 */
export function splitSource(
  shown: string,
  source: string,
): { block: ReturnType<typeof readFrontMatterBlock>; problems?: never } | { block?: never; problems: Problem[] } {
  try {
    return { block: readFrontMatterBlock(source) };
  } catch (error) {
    const message = error instanceof FrontMatterError ? error.message : `cannot be read (${(error as Error).message})`;
    return { problems: [{ file: shown, field: 'front-matter', message }] };
  }
}

/** Front-matter of one file checked against a schema; every problem names the file and the field. */
export function readFrontMatter<T>(
  shown: string,
  source: string,
  schema: z.ZodType<T>,
): { data: T; body: string; problems?: never } | { data?: never; body?: never; problems: Problem[] } {
  const { block, problems } = splitSource(shown, source);
  if (problems) return { problems };
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

/** A term's name as the file spells it, entities decoded; none when that leaves no name (`&#32;`). */
function termName(text: string | null | undefined): string | undefined {
  const name = text ? decodeEntities(text) : undefined;
  return name && termKey(name) ? name : undefined;
}

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
  const article: ParsedArticle = {
    slug: fm.slug ? fm.slug.normalize('NFC').toLowerCase() : fileSlug(file),
    file: shown,
    filePath: path.resolve(file),
    format: ext === '.mdx' ? 'mdx' : 'md',
    title: squish(decodeEntities(fm.title)),
    excerpt: makeExcerpt(fm.excerpt ?? undefined, body, undefined, plain),
    excerptFromBody: !fm.excerpt?.trim(),
    date: fm.date,
    updated: fm.updated,
    corrections: fm.corrections,
    aliases: fm.aliases,
    coverImage: fm.coverImage ?? undefined,
    authorName: termName(fm.author) ?? site.defaultAuthor,
    tagNames: fm.tags.flatMap((t) => termName(t) ?? []),
    categoryName: termName(fm.category),
    seriesName: termName(fm.series),
    seriesPart: fm.seriesPart,
    source: fm.source ?? undefined,
    sourceHost: fm.source ? hostOf(fm.source) : undefined,
    draft: fm.draft === true,
    readingMinutes: readingMinutes(plain),
  };
  // V8 keeps a string cut from another (a title from the YAML, an excerpt from the body's text) as a
  // view of the whole: the article would keep its file's text, body and all, in memory for as long as
  // the index or the parse cache holds it. A copy's strings are its own.
  return { problems: [], article: structuredClone(article) };
}

/** One article file's parse, reused while the file keeps the size and time it was parsed at. */
export function cachedParse(cache: ParseCache, file: string, known?: string): ParseResult {
  const stamp = known ?? fileStamp(file);
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.result;
  const result = readArticleFile(file);
  cache.set(file, { stamp, result });
  return result;
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
