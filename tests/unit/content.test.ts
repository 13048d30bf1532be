import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadContent, parseArticle } from '@/lib/content';
import { site } from '@/lib/site';

const fixtures = path.resolve(__dirname, '../fixtures');
const load = (dir: string, includeDrafts = false) => loadContent(path.join(fixtures, dir), { includeDrafts });

describe('loading a valid folder modelled on imported news', () => {
  const { index, problems } = load('valid');
  const article = (slug: string) => {
    const found = index.bySlug.get(slug);
    if (!found) throw new Error(`no article ${slug}`);
    return found;
  };

  it('reads .md and .mdx at any depth and skips _ and . names and drafts', () => {
    expect(problems).toEqual([]);
    expect(index.articles.map((a) => a.slug).sort()).toEqual([
      'blank-fields',
      'legacy-generation-article',
      'mdx-article',
      'no-excerpt-html-body',
      'open-source-in-ai',
      'outage-blamed-on-ai-agent',
      'shouting-extension',
      'unquoted-date-and-timestamp',
      'windows-line-endings',
    ]);
  });

  it('reads files saved with a byte-order mark and CRLF line endings', () => {
    expect(article('windows-line-endings').title).toBe('Written on Windows');
    expect(article('windows-line-endings').tags.map((t) => t.name)).toEqual(['Windows']);
    expect(article('windows-line-endings').excerpt).toBe('Body line one. Second paragraph.');
  });

  it('reads empty strings and empty list items as missing, and protocol-relative covers as https', () => {
    const blank = article('blank-fields');
    expect(blank.source).toBeUndefined();
    expect(blank.category).toBeUndefined();
    expect(blank.author.name).toBe(site.defaultAuthor);
    expect(blank.tags.map((t) => t.name)).toEqual(['Imports']);
    expect(blank.coverImage).toBe('https://cdn.example.net/cover.jpg');
  });

  it('reads a name that decodes to nothing (&#32;) as missing, rather than failing the whole folder', () => {
    const source = `---\ntitle: T\ndate: '2026-01-01'\nauthor: '&#32;'\ntags: ['&#32;', AI]\ncategory: '&#32;'\nseries: '&#32;'\n---\nBody.\n`;
    const parsed = parseArticle('/content/blank.md', source).article;
    expect(parsed).toMatchObject({ authorName: site.defaultAuthor, tagNames: ['AI'] });
    expect(parsed?.categoryName).toBeUndefined();
    expect(parsed?.seriesName).toBeUndefined();
  });

  it('refuses a slug that would hide the article or break its URL', () => {
    for (const slug of ['_private', '.hidden', 'two words', 'a/b']) {
      const { problems } = parseArticle('x.md', `---\ntitle: T\ndate: '2026-01-01'\nslug: '${slug}'\n---\n`);
      expect(problems.map((p) => p.field)).toEqual(['slug']);
    }
  });

  it('includes drafts only when asked (development)', () => {
    expect(load('valid', true).index.bySlug.get('future-draft')?.draft).toBe(true);
  });

  it('sorts newest first', () => {
    const days = index.articles.map((a) => a.date.iso);
    expect(days).toEqual([...days].sort().reverse());
    expect(index.articles[0].slug).toBe('mdx-article');
  });

  it('decodes entities in titles, even double-escaped ones', () => {
    expect(article('outage-blamed-on-ai-agent').title).toBe('Outage blamed on an AI agent’s "cleanup"');
  });

  it('keeps dates as calendar days whether quoted, unquoted or timestamps', () => {
    expect(article('unquoted-date-and-timestamp').date.day).toBe('2026-03-01');
    expect(article('unquoted-date-and-timestamp').updated).toEqual({
      day: '2026-03-05',
      iso: '2026-03-06T07:30:00.000Z',
    });
    expect(article('mdx-article').date.iso).toBe('2026-03-02T08:00:00.000Z');
  });

  it('lower-cases file names into slugs unless front-matter names one', () => {
    expect(article('mdx-article').format).toBe('mdx');
    expect(article('mdx-article').file).toMatch(/Custom-Name\.mdx$/);
  });

  it('merges tags that differ by case or spaces under the most capitalised spelling', () => {
    const ai = index.tags.bySlug.get('ai');
    expect(ai?.name).toBe('AI');
    expect(
      index.tags.articles
        .get('ai')
        ?.map((a) => a.slug)
        .sort(),
    ).toEqual(['no-excerpt-html-body', 'open-source-in-ai', 'outage-blamed-on-ai-agent']);
    expect(index.tags.bySlug.get('openai')?.name).toBe('OpenAI');
    // One article listing `AI` and `ai` carries the tag once.
    expect(article('open-source-in-ai').tags.map((t) => t.name)).toEqual(['AI', 'OpenAI']);
  });

  it('turns numeric tags into strings and keeps symbols and scripts apart', () => {
    expect(index.tags.bySlug.get('2026')?.name).toBe('2026');
    const slugs = article('unquoted-date-and-timestamp').tags.map((t) => t.slug);
    expect(slugs).toEqual(['künstliche-intelligenz', '机器学习', 'c-plus-plus', 'c', 'c-sharp']);
  });

  it('merges categories and authors the same way', () => {
    expect(index.categories.bySlug.get('smart-home')?.name).toBe('Smart Home');
    expect(index.categories.articles.get('smart-home')).toHaveLength(2);
    expect(index.authors.bySlug.get('newsbot')?.name).toBe('NewsBot');
    expect(index.authors.articles.get('newsbot')).toHaveLength(3);
    expect(index.authors.bySlug.get('zoë-lindqvist')?.name).toBe('Zoë Lindqvist');
  });

  it('gives the older front-matter generation the default author and no cover or source', () => {
    const legacy = article('legacy-generation-article');
    expect(legacy.author.name).toBe(site.defaultAuthor);
    expect(legacy.coverImage).toBeUndefined();
    expect(legacy.source).toBeUndefined();
    expect(legacy.readingMinutes).toBeGreaterThanOrEqual(1);
  });

  it('drops the half word an importer left at the end of an excerpt', () => {
    expect(article('outage-blamed-on-ai-agent').excerpt).toBe(
      'A thirteen-hour outage was reportedly caused by an internal agent that decided to delete and recreate a production…',
    );
  });

  it('makes a plain-text excerpt from the body when none is given, cut at a word', () => {
    const { excerpt } = article('no-excerpt-html-body');
    expect(excerpt).not.toMatch(/[<>]|&\w+;|alert/);
    expect(
      excerpt.startsWith('When an import has no excerpt, the first text of the body becomes one — without tags'),
    ).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.slice(0, -1)).toMatch(/\w$/);
  });

  it('attaches author profiles from _authors/ to the author they name, under any spelling', () => {
    const profile = index.profiles.get('newsbot');
    expect(profile?.bio).toMatch(/republishes wire stories/);
    expect(profile?.links).toEqual([{ label: 'Pipeline status', url: 'https://status.example.net/' }]);
    expect(profile?.file).toMatch(/_authors\/the-bot\.md$/);
    expect(index.profiles.size).toBe(1);
  });

  it('names the source host for attributions', () => {
    expect(article('outage-blamed-on-ai-agent').sourceHost).toBe('engadget.com');
  });
});

describe('refusing broken files with the file and the field named', () => {
  const cases: [string, string, string, RegExp][] = [
    ['broken-yaml', 'bad-yaml.md', 'front-matter', /invalid YAML/],
    ['missing-title', 'no-title.md', 'title', /required/],
    ['impossible-date', 'impossible.md', 'date', /"2026-13-45" is not a real date/],
    ['missing-date', 'no-date.md', 'date', /required/],
    ['tags-not-list', 'tags-map.md', 'tags', /must be a list/],
    ['wrong-types', 'draft-text.md', 'draft', /true or false/],
    ['bad-source', 'bad-source.md', 'source', /http\(s\) URL/],
  ];

  it.each(cases)('%s', (dir, file, field, message) => {
    const { problems } = load(path.join('broken', dir));
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toMatch(new RegExp(`${dir}/${file.replace('.', '\\.')}$`));
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toMatch(message);
    expect(formatProblem(problems[0])).toMatch(new RegExp(`${file.replace('.', '\\.')}: ${field}: `));
  });

  it('refuses an author profile without a name or with malformed links', () => {
    const { problems } = load(path.join('broken', 'bad-profile'));
    expect(problems.map((p) => [p.file.split('/').slice(-2).join('/'), p.field])).toEqual([
      ['_authors/nameless.md', 'name'],
      ['_authors/nameless.md', 'links'],
    ]);
  });

  it('names both files that claim one slug', () => {
    const { problems } = load(path.join('broken', 'duplicate-slug'));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('slug');
    expect(problems[0].file).toMatch(/b\/other\.md$/);
    expect(problems[0].message).toMatch(/a\/same-slug\.md/);
  });

  it('reports every bad file of a folder in one run, and keeps the good ones', () => {
    const { problems, index } = load('broken');
    expect(new Set(problems.map((p) => p.file.split('/').at(-2))).size).toBe(8);
    expect(index.bySlug.has('same-slug')).toBe(true);
  });
});
