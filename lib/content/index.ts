// The content loader's public face: what pages, scripts and tests import as `@/lib/content`. Each job
// has its own module beside this one; they import each other directly, never through here.
export { articleBody } from './body';
export { loadContent, publishedBy, readArticles } from './build-index';
export { contentDir, fileSlug, listArticleFiles, MAX_FILE_BYTES } from './files';
export { devContentVersion, forgetLiveContent, refreshContent } from './live';
export { getContent } from './memo';
export { parseArticle, readArticleFile, readProfiles } from './parse';
export type {
  Article,
  ArticleLink,
  AuthorProfile,
  ContentIndex,
  Correction,
  LoadOptions,
  ParseCache,
  ParsedArticle,
  Problem,
  TermIndex,
} from './types';
export { ContentError, formatProblem } from './types';
