import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content';
import { NEWS_LIMIT, newsArticles, newsSitemapXml } from '@/lib/news-sitemap';
import { site } from '@/lib/site';

const NOW = new Date('2026-12-02T12:00:00Z');
const HOUR = 60 * 60 * 1000;

/** An article published `hoursAgo` before NOW (negative: in the future). */
function article(slug: string, hoursAgo: number, title = `Story ${slug}`): Article {
  const iso = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
  return { slug, title, date: { day: iso.slice(0, 10), iso } } as Article;
}

const newestFirst = (list: Article[]) => [...list].sort((a, b) => (a.date.iso < b.date.iso ? 1 : -1));

describe('the Google News sitemap', () => {
  it('lists what was published in the last 48 hours, nothing older and nothing scheduled', () => {
    const list = newestFirst([
      article('future', -1),
      article('now', 0),
      article('yesterday', 24),
      article('edge', 48),
      article('old', 48.01),
    ]);
    expect(newsArticles(list, NOW).map((a) => a.slug)).toEqual(['now', 'yesterday', 'edge']);
  });

  it('holds at most 1,000 articles, the newest', () => {
    const list = newestFirst(Array.from({ length: 1500 }, (_, i) => article(`a${i}`, i / 100)));
    const fresh = newsArticles(list, NOW);
    expect(fresh).toHaveLength(NEWS_LIMIT);
    expect(fresh[0].slug).toBe('a0');
  });

  it('is valid XML in the news namespace, with the publication, date and title of each', () => {
    const xml = newsSitemapXml([article('fresh', 2, 'Robots & "rules" <b>now</b>\u0000')], NOW);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<b>');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const news = doc.urlset.url['news:news'];
    expect(doc.urlset.url.loc).toBe(`${site.url}/articles/fresh`);
    expect(news['news:publication']).toEqual({ 'news:name': site.name, 'news:language': site.language });
    expect(news['news:publication_date']).toBe(new Date(NOW.getTime() - 2 * HOUR).toISOString());
    expect(news['news:title']).toBe('Robots & "rules" <b>now</b>');
  });

  it('is empty but valid when nothing is fresh', () => {
    const xml = newsSitemapXml([article('old', 100)], NOW);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<urlset [^>]*\/>$/);
  });
});
