// Updates, corrections and breadcrumbs where readers and machines see them: the article page, its

// JSON-LD and Open Graph, the feeds, the sitemap and the trail above articles and term pages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleList } from '@/components/ArticleList';
import { ArticleView } from '@/components/ArticleView';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { JsonLd } from '@/components/JsonLd';
import { articleCrumbs, termCrumbs } from '@/lib/breadcrumbs';
import { type Article, getContent } from '@/lib/content';
import { isBefore, isLater, lastModified } from '@/lib/dates';
import { renderFeed } from '@/lib/feeds';
import { homePage, termPage } from '@/lib/list-views';
import { articleJsonLd, articleMetadata, breadcrumbJsonLd, jsonLdString } from '@/lib/metadata';
import { type CalendarDate, parseDate } from '@/lib/schema';
import { sitemapEntries } from '@/lib/sitemap';
import { absoluteUrl } from '@/lib/urls';
import { hasFeedparser } from './feedparser';

// The body has its own tests; here it is a marker, so the view renders without compiling markdown.
vi.mock('@/components/ArticleBody', () => ({ ArticleBody: () => <div className="article-body">BODY</div> }));

const day = (text: string): CalendarDate => {
  const parsed = parseDate(text);
  if (!parsed) throw new Error(`not a date: ${text}`);
  return parsed;
};
const term = (name: string, slug: string) => ({ key: name.toLowerCase(), name, slug });

function story(over: Partial<Article> = {}): Article {
  return {
    slug: 'corrected-story',
    file: 'content/corrected-story.md',
    format: 'md',
    title: 'A corrected story',
    excerpt: 'What happened.',
    excerptFromBody: false,
    date: day('2025-11-14'),
    corrections: [],
    aliases: [],
    author: term('Ada Winters', 'ada-winters'),
    tags: [term('AI', 'ai')],
    category: term('News', 'news'),
    draft: false,
    readingMinutes: 2,
    filePath: '/content/corrected-story.md',
    ...over,
  };
}

const HOSTILE = '</script><script>alert(1)</script> ]]> & "quotes"';
const corrected = story({
  updated: day('2025-11-15'),
  corrections: [
    { date: day('2025-11-20T10:00:00Z'), text: 'The second correction.' },
    { date: day('2025-11-16'), text: HOSTILE },
  ],
});

describe('when an article was last modified', () => {
  it('is the latest of updated and every correction, or nothing', () => {
    expect(lastModified(story())).toBeUndefined();
    expect(lastModified(story({ updated: day('2025-11-15') }))).toEqual(day('2025-11-15'));
    expect(lastModified(corrected)).toEqual(day('2025-11-20T10:00:00Z'));
    const updatedLast = story({ updated: day('2025-12-01'), corrections: corrected.corrections });
    expect(lastModified(updatedLast)).toEqual(day('2025-12-01'));
    expect(lastModified(story({ corrections: [{ date: day('2025-11-16'), text: 'x' }] }))).toEqual(day('2025-11-16'));
  });

  it('reads days as readers see them, and hours only when both dates give one', () => {
    expect(isLater(day('2025-11-14T09:00:00Z'), day('2025-11-14'))).toBe(true);
    expect(isLater(day('2025-11-14'), day('2025-11-14'))).toBe(false);
    // Days first: the 15th reads as after the 14th, though its instant is earlier, and not the reverse.
    expect(isLater(day('2025-11-15T01:00:00+05:00'), day('2025-11-14T23:00:00Z'))).toBe(true);
    expect(isLater(day('2025-11-14T22:00:00-05:00'), day('2025-11-15T01:00:00+05:00'))).toBe(false);
    expect(isLater(day('2025-11-15'), day('2025-11-14T23:00:00-05:00'))).toBe(true);
    expect(isBefore(day('2025-11-14'), day('2025-11-14T09:00:00Z'))).toBe(false);
    expect(isBefore(day('2025-11-14T08:00:00Z'), day('2025-11-14T09:00:00Z'))).toBe(true);
    expect(isBefore(day('2025-11-13'), day('2025-11-14'))).toBe(true);
  });
});

describe('the article view', () => {
  const html = (article: Article) => renderToStaticMarkup(<ArticleView article={article} />);

  it('shows "Updated" beside the published date only when the article changed on a later day or hour', () => {
    const shown = html(corrected);
    expect(shown).toContain(
      '<time dateTime="2025-11-14">November 14, 2025</time><span>Updated <time dateTime="2025-11-20">November 20, 2025</time></span>',
    );
    expect(html(story())).not.toContain('Updated');
    expect(html(story({ updated: day('2025-11-14') }))).not.toContain('Updated');
    expect(html(story({ updated: day('2025-11-13') }))).not.toContain('Updated');
  });

  it('ends the article with its corrections, newest first, after the body and before the tags', () => {
    const shown = html(corrected);
    const box = shown.slice(shown.indexOf('<section'), shown.indexOf('</section>') + 10);
    expect(box).toMatch(/^<section aria-labelledby="article-corrections" class="[^"]+">/);
    expect(box).toContain('<h2 id="article-corrections" class="');
    expect(box).toMatch(/>Corrections<\/h2>/);
    const items = [...box.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1].replace(/ class="[^"]*"/g, ''));
    expect(items).toEqual([
      '<time dateTime="2025-11-20">November 20, 2025</time>: The second correction.',
      '<time dateTime="2025-11-16">November 16, 2025</time>: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;quotes&quot;',
    ]);
    expect(shown.indexOf('BODY')).toBeLessThan(shown.indexOf('<section'));
    expect(shown.indexOf('</section>')).toBeLessThan(shown.indexOf('rel="tag"'));
    expect(shown).not.toContain('<script');
    expect(html(story())).not.toContain('Corrections');
  });

  it('puts the trail to the article first: Home, its category, itself', () => {
    const shown = html(corrected);
    expect(shown.indexOf('<nav aria-label="Breadcrumb"')).toBeGreaterThan(0);
    expect(shown.indexOf('<nav aria-label="Breadcrumb"')).toBeLessThan(shown.indexOf('<header'));
  });
});

describe('JSON-LD and Open Graph of an updated, corrected article', () => {
  it('dates the modification and lists every correction, newest first', () => {
    const ld = articleJsonLd(corrected);
    expect(ld.datePublished).toBe('2025-11-14T00:00:00.000Z');
    expect(ld.dateModified).toBe('2025-11-20T10:00:00.000Z');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The second correction.', datePublished: '2025-11-20T10:00:00.000Z' },
      { '@type': 'CorrectionComment', text: HOSTILE, datePublished: '2025-11-16T00:00:00.000Z' },
    ]);
    expect(articleMetadata(corrected).openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2025-11-14T00:00:00.000Z',
      modifiedTime: '2025-11-20T10:00:00.000Z',
    });
  });

  it('says nothing of a modification or corrections an article does not have', () => {
    const ld = JSON.parse(jsonLdString(articleJsonLd(story())));
    expect(ld).not.toHaveProperty('dateModified');
    expect(ld).not.toHaveProperty('correction');
    expect(articleMetadata(story()).openGraph).not.toHaveProperty('modifiedTime', expect.anything());
    expect(articleJsonLd(story({ updated: day('2025-11-15') })).dateModified).toBe('2025-11-15T00:00:00.000Z');
  });

  it('keeps hostile correction text inside its script, and gives it back whole', () => {
    const json = jsonLdString([articleJsonLd(corrected), breadcrumbJsonLd(articleCrumbs(corrected))]);
    expect(json).not.toMatch(/<\/?script/i);
    expect(json).not.toContain('<');
    const markup = renderToStaticMarkup(<JsonLd data={JSON.parse(json)} />);
    expect(markup.match(/<\/script>/g)).toHaveLength(1);
    expect(markup.startsWith('<script type="application/ld+json">')).toBe(true);
    const back = JSON.parse(markup.slice('<script type="application/ld+json">'.length, -'</script>'.length));
    expect(back[0].correction[1].text).toBe(HOSTILE);
    expect(back[1]['@type']).toBe('BreadcrumbList');
  });
});

describe('breadcrumbs', () => {
  it('trail an article through its category, the article last and not a link', () => {
    expect(renderToStaticMarkup(<Breadcrumbs crumbs={articleCrumbs(corrected)} />)).toBe(
      [
        '<nav aria-label="Breadcrumb" class="text-sm text-zinc-600 dark:text-zinc-400 ">',
        '<ol class="crumbs flex flex-wrap gap-x-2">',
        '<li><a href="/" class="hover:underline">Home</a></li>',
        '<li><a href="/categories/news" class="hover:underline">News</a></li>',
        '<li aria-current="page" class="min-w-0 truncate text-zinc-900 dark:text-zinc-100">A corrected story</li>',
        '</ol></nav>',
      ].join(''),
    );
  });

  it('go straight from Home to an article without a category', () => {
    const markup = renderToStaticMarkup(<Breadcrumbs crumbs={articleCrumbs(story({ category: undefined }))} />);
    expect([...markup.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1])).toEqual([
      '<a href="/" class="hover:underline">Home</a>',
      'A corrected story',
    ]);
  });

  it('escape a hostile title and term name', () => {
    const markup = renderToStaticMarkup(
      <Breadcrumbs crumbs={articleCrumbs(story({ title: HOSTILE, category: term(HOSTILE, 'x') }))} />,
    );
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('give the same trail as BreadcrumbList JSON-LD, every link absolute, the page itself without one', () => {
    expect(breadcrumbJsonLd(articleCrumbs(corrected))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: absoluteUrl('/') },
        { '@type': 'ListItem', position: 2, name: 'News', item: absoluteUrl('/categories/news') },
        { '@type': 'ListItem', position: 3, name: 'A corrected story', item: undefined },
      ],
    });
    expect(
      JSON.parse(jsonLdString(breadcrumbJsonLd(termCrumbs('authors', term('Ada', 'ada'))))).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: absoluteUrl('/') },
      { '@type': 'ListItem', position: 2, name: 'Authors', item: absoluteUrl('/authors') },
      { '@type': 'ListItem', position: 3, name: 'Ada' },
    ]);
  });

  describe('on term pages', () => {
    const original = process.env.CONTENT_DIR;
    afterEach(() => {
      process.env.CONTENT_DIR = original;
    });
    const siteContent = () => {
      process.env.CONTENT_DIR = path.resolve(__dirname, '../fixtures/site');
    };

    it('trail a tag, category or author page through the index of its kind', () => {
      siteContent();
      expect(termPage('tags', 'ai')?.view.breadcrumbs).toEqual([
        { name: 'Home', href: '/' },
        { name: 'Tags', href: '/tags' },
        { name: 'AI' },
      ]);
      const category = getContent().categories.terms[0];
      expect(termPage('categories', category.slug)?.view.breadcrumbs?.map((c) => c.name)).toEqual([
        'Home',
        'Categories',
        category.name,
      ]);
      const author = getContent().authors.terms[0];
      expect(termPage('authors', author.slug)?.view.breadcrumbs?.[1]).toEqual({ name: 'Authors', href: '/authors' });
    });

    it('add the page number after the term on a later page, the term a link back to its first', () => {
      siteContent();
      const view = termPage('tags', 'briefs', '2')?.view;
      expect(view?.breadcrumbs).toEqual([
        { name: 'Home', href: '/' },
        { name: 'Tags', href: '/tags' },
        { name: 'Briefs', href: '/tags/briefs' },
        { name: 'Page 2' },
      ]);
      if (!view) throw new Error('no page 2');
      const markup = renderToStaticMarkup(<ArticleList {...view} />);
      expect(markup.indexOf('<nav aria-label="Breadcrumb"')).toBeLessThan(markup.indexOf('<h1'));
      expect(markup).toContain('<li><a href="/tags/briefs" class="hover:underline">Briefs</a></li>');
      expect(markup).toMatch(/<li aria-current="page" [^>]*>Page 2<\/li>/);
    });

    it('are left off the lists that are not term pages', () => {
      siteContent();
      const home = homePage()?.view;
      if (!home) throw new Error('no home page');
      expect(home.breadcrumbs).toBeUndefined();
      expect(renderToStaticMarkup(<ArticleList {...home} />)).not.toContain('Breadcrumb');
    });
  });
});

describe('feeds of a corrected article', () => {
  const plain = story({ slug: 'plain', title: 'Plain', date: day('2025-11-18') });
  const spec = { title: 'Inkwell', description: 'All', page: '/', articles: [plain, corrected] };
  const strict = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => name === 'entry' || name === 'item',
  });

  it('date each Atom entry by its last change, and the feed by its latest entry', () => {
    const atom = renderFeed(spec, 'atom');
    expect(XMLValidator.validate(atom)).toBe(true);
    const { feed } = strict.parse(atom);
    expect(feed.entry.map((e: { updated: string; published: string }) => [e.published, e.updated])).toEqual([
      ['2025-11-18T00:00:00.000Z', '2025-11-18T00:00:00.000Z'],
      ['2025-11-14T00:00:00.000Z', '2025-11-20T10:00:00.000Z'],
    ]);
    expect(feed.updated).toBe('2025-11-20T10:00:00.000Z');
  });

  it('give the corrections after the summary, hostile text escaped', () => {
    const atom = renderFeed(spec, 'atom');
    expect(atom).not.toMatch(/<\/?script/);
    expect(atom).not.toContain(']]>');
    const summary = strict.parse(atom).feed.entry[1].summary;
    expect(summary).toBe(
      `What happened. Correction, November 20, 2025: The second correction. Correction, November 16, 2025: ${HOSTILE}`,
    );
    const rss = renderFeed(spec, 'rss');
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).not.toMatch(/<\/?script/);
    expect(strict.parse(rss).rss.channel.lastBuildDate).toBe('Thu, 20 Nov 2025 10:00:00 GMT');
  });

  it('give JSON Feed date_modified', () => {
    const json = JSON.parse(renderFeed(spec, 'json'));
    expect(json.items.map((i: { date_modified: string }) => i.date_modified)).toEqual([
      '2025-11-18T00:00:00.000Z',
      '2025-11-20T10:00:00.000Z',
    ]);
    expect(json.items[1].content_html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.skipIf(!hasFeedparser)('feedparser reads the Atom feed without complaint, with its dates', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-corrections-'));
    try {
      writeFileSync(path.join(dir, 'atom'), renderFeed(spec, 'atom'));
      const script = [
        'import feedparser, json, sys, os',
        'd = feedparser.parse(os.path.join(sys.argv[1], "atom"))',
        'print(json.dumps({"bozo": int(d.bozo), "updated": d.feed.get("updated"),',
        '    "entries": [[e.get("updated"), e.get("summary")] for e in d.entries]}))',
      ].join('\n');
      const result = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8' }));
      expect(result.bozo).toBe(0);
      expect(result.updated).toBe('2025-11-20T10:00:00.000Z');
      expect(result.entries[1][0]).toBe('2025-11-20T10:00:00.000Z');
      expect(result.entries[1][1]).toContain(HOSTILE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sitemap', () => {
  const original = process.env.CONTENT_DIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-sitemap-'));
  afterAll(() => {
    process.env.CONTENT_DIR = original;
    rmSync(dir, { recursive: true, force: true });
  });

  it('dates an article by its last change, or by its publication when it has none', () => {
    const file = (name: string, ...lines: string[]) =>
      writeFileSync(
        path.join(dir, name),
        ['---', `title: ${name}`, "date: '2025-11-14'", ...lines, '---', 'x'].join('\n'),
      );
    file('never.md');
    file('updated.md', 'updated: 2025-11-15');
    file('corrected.md', 'updated: 2025-11-15', 'corrections: [{ date: 2025-11-21, text: Fixed. }]');
    process.env.CONTENT_DIR = dir;
    const lastmod = (slug: string) => sitemapEntries().find((e) => e.loc === absoluteUrl(`/articles/${slug}`))?.lastmod;
    expect(lastmod('never')).toBe('2025-11-14');
    expect(lastmod('updated')).toBe('2025-11-15');
    expect(lastmod('corrected')).toBe('2025-11-21');
  });
});
