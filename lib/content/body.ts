// An article's body, read from its file when a page (or a feed, the search index, content:check) needs
// it. The index holds no bodies: at a hundred thousand articles they would be most of the server's
// memory, and only the page being rendered needs one.
import { readSource, shownPath } from './files';
import { splitSource } from './parse';
import { type Article, ContentError } from './types';

/**
 * The body of an article as the loader parsed it: its file read again within the same size cap
 * (readSource) and split at the same front-matter block (readFrontMatterBlock), so it is the same
 * string, byte for byte, while the file is unchanged. A file that can no longer be read, or whose
 * front-matter no longer splits, changed since it was indexed: a ContentError names the file and the
 * field, and `npm start` or `npm run dev` leaves the file out at its next look at the folder.
 */
export function articleBody(article: Pick<Article, 'filePath'>): string {
  const { source, problem } = readSource(article.filePath);
  if (problem) throw new ContentError([problem]);
  const { block, problems } = splitSource(shownPath(article.filePath), source);
  if (problems) throw new ContentError(problems);
  return block.body;
}
