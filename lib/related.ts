// Related reading: neighbours by date and articles that share rare tags, the category or title words.
import type { Article, ContentIndex } from './content';

const STOPWORDS = new Set(
  'a an and are as at be by for from has have how in is it its of on or that the this to was what when why will with you your new about after into over more than their they'.split(
    ' ',
  ),
);

/** How many neighbours by date each shared term looks at: keeps the cost per article constant. */
const WINDOW = 40;

function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 2 && !STOPWORDS.has(w)),
    ),
  ];
}

interface Graph {
  position: Map<string, number>;
  /** For every term, the positions (in the site's newest-first order) of the articles that carry it. */
  lists: Map<string, number[]>;
  weights: Map<string, number>;
}

const graphs = new WeakMap<ContentIndex, Graph>();

/** Postings for every tag, category and title word, each newest first, with a rarity weight. */
function graphOf(index: ContentIndex): Graph {
  let graph = graphs.get(index);
  if (graph) return graph;
  const lists = new Map<string, number[]>();
  index.articles.forEach((article, at) => {
    for (const key of keysOf(article)) {
      const list = lists.get(key);
      if (list) list.push(at);
      else lists.set(key, [at]);
    }
  });
  const n = index.articles.length;
  const weights = new Map<string, number>();
  for (const [key, list] of lists) {
    const base = key.startsWith('w:') ? 0.6 : key.startsWith('c:') ? 0.8 : 1;
    weights.set(key, base * Math.log(1 + n / list.length));
  }
  const position = new Map(index.articles.map((a, i) => [a.slug, i]));
  graph = { position, lists, weights };
  graphs.set(index, graph);
  return graph;
}

function keysOf(article: Article): string[] {
  return [
    ...article.tags.map((t) => `t:${t.slug}`),
    ...(article.category ? [`c:${article.category.slug}`] : []),
    ...titleWords(article.title).map((w) => `w:${w}`),
  ];
}

/** Where position `at` falls in an ascending list of positions: a binary search. */
function locate(list: number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to `count` related articles, deterministic. Each shared term contributes its rarity weight;
 * only the WINDOW nearest articles by date in each term's list are considered, so a tag carried by
 * two thirds of the site costs the same as a rare one, and the whole site costs O(n). Ties go to the
 * article nearer in date, then to the slug. Postings are positions, not articles, so the search and the
 * ranking compare numbers rather than objects (docs/performance.md has what that saved).
 */
export function relatedArticles(index: ContentIndex, article: Article, count = 4): Article[] {
  const { position, lists, weights } = graphOf(index);
  const at = position.get(article.slug) ?? 0;
  const scores = new Map<number, number>();
  for (const key of keysOf(article)) {
    const list = lists.get(key) ?? [];
    const weight = weights.get(key) ?? 0;
    const centre = locate(list, at);
    for (let i = Math.max(0, centre - WINDOW / 2); i < Math.min(list.length, centre + WINDOW / 2); i++) {
      if (list[i] !== at) scores.set(list[i], (scores.get(list[i]) ?? 0) + weight);
    }
  }
  const ranked = [...scores].map(([other, score]) => ({
    article: index.articles[other],
    score,
    distance: Math.abs(other - at),
  }));
  ranked.sort((a, b) => b.score - a.score || a.distance - b.distance || (a.article.slug < b.article.slug ? -1 : 1));
  return ranked.slice(0, count).map((r) => r.article);
}

/** The next newer and next older article, by the site's sort order. */
export function neighbours(index: ContentIndex, article: Article): { newer?: Article; older?: Article } {
  const at = graphOf(index).position.get(article.slug) ?? 0;
  return { newer: index.articles[at - 1], older: index.articles[at + 1] };
}
