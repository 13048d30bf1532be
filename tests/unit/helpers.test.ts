import { describe, expect, it } from 'vitest';
import { buildTerms, displayName } from '@/lib/content/terms';
import { extraPages, orPlaceholder, paginate, parsePage } from '@/lib/paginate';
import { parseDate } from '@/lib/schema';
import { countWords, decodeEntities, makeExcerpt, plainText, readingMinutes, truncate } from '@/lib/text';
import { slugify } from '@/lib/urls';

describe('decodeEntities', () => {
  it.each([
    ['It&#8217;s', 'It’s'],
    ['Q&amp;A', 'Q&A'],
    ['It&amp;#8217;s', 'It’s'],
    ['Tom &amp;amp; Jerry', 'Tom & Jerry'],
    ['&quot;quoted&quot; &hellip;', '"quoted" …'],
    ['plain', 'plain'],
  ])('%s → %s', (input, output) => expect(decodeEntities(input)).toBe(output));
});

describe('slugify', () => {
  it.each([
    ['AI', 'ai'],
    ['Machine Learning', 'machine-learning'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['C', 'c'],
    ['R&D', 'r-and-d'],
    ['Künstliche Intelligenz', 'künstliche-intelligenz'],
    ['机器学习', '机器学习'],
    ['  Node.js  ', 'node-js'],
    ["Don't Panic", 'dont-panic'],
    ['!!!', ''],
  ])('%s → %s', (input, output) => expect(slugify(input)).toBe(output));
});

describe('terms', () => {
  it('prefers the most capitals, then the most used spelling', () => {
    expect(
      displayName(
        new Map([
          ['Ai', 9],
          ['AI', 1],
        ]),
      ),
    ).toBe('AI');
    expect(
      displayName(
        new Map([
          ['Openai', 5],
          ['OpenAI', 2],
          ['openai', 9],
        ]),
      ),
    ).toBe('OpenAI');
    expect(
      displayName(
        new Map([
          ['Robotics', 1],
          ['robotics', 3],
        ]),
      ),
    ).toBe('Robotics');
  });

  it('merges case and space variants and honours overrides', () => {
    const terms = buildTerms(['Ai', 'AI', ' ai ', 'Openai', 'Gen  AI'], { openai: 'OpenAI Inc.' });
    expect([...terms.values()].map((t) => [t.name, t.slug])).toEqual([
      ['AI', 'ai'],
      ['OpenAI Inc.', 'openai'],
      ['Gen AI', 'gen-ai'],
    ]);
  });

  it('tells apart different terms that slugify alike, stably', () => {
    const first = buildTerms(['AI/ML', 'ai-ml', 'AI ML']);
    const slugs = [...first.values()].map((t) => t.slug);
    expect(new Set(slugs).size).toBe(3);
    expect(first.get('ai-ml')?.slug).toBe('ai-ml');
    // Adding another look-alike does not move the slugs that already exist.
    const second = buildTerms(['AI/ML', 'ai-ml', 'AI ML', 'AI+ML']);
    expect(second.get('ai/ml')?.slug).toBe(first.get('ai/ml')?.slug);
    expect(buildTerms(['!!!']).get('!!!')?.slug).toMatch(/^term-[0-9a-f]{6}$/);
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-11-14', '2025-11-14', '2025-11-14T00:00:00.000Z'],
    ['2025-11-14T23:30:00-08:00', '2025-11-14', '2025-11-15T07:30:00.000Z'],
    ['2025-11-14T09:30:00Z', '2025-11-14', '2025-11-14T09:30:00.000Z'],
    ['2025-11-14 09:30', '2025-11-14', '2025-11-14T09:30:00.000Z'],
    ['2024-02-29', '2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('%s is the day %s', (input, day, iso) => expect(parseDate(input)).toEqual({ day, iso }));

  it.each(['2026-13-45', '2025-02-29', '2025-11-31', '14/11/2025', 'yesterday', '2025-11-14T25:00:00Z'])(
    'rejects %s',
    (input) => expect(parseDate(input)).toBeUndefined(),
  );
});

describe('text', () => {
  it('makes plain text from markdown with HTML', () => {
    expect(plainText('# Title\n\n<p>A <a href="x">link</a> &amp; [md](http://x.test) <script>bad()</script></p>')).toBe(
      'Title A link & md',
    );
  });

  it('truncates at a word boundary', () => {
    expect(truncate('one two three four', 12)).toBe('one two…');
    expect(truncate('short', 12)).toBe('short');
  });

  it('keeps a whole-word excerpt ending in an ellipsis, drops a sliced word', () => {
    expect(makeExcerpt('It was a threat to democracy. Kon...', '')).toBe('It was a threat to democracy.');
    expect(makeExcerpt('Growing scrutiny over sustainability, with...', '')).toBe(
      'Growing scrutiny over sustainability…',
    );
    expect(makeExcerpt(undefined, '<p>From the body.</p>')).toBe('From the body.');
  });

  it('counts words in any script and estimates minutes', () => {
    expect(countWords('Hello, world — it’s 2026')).toBe(4);
    expect(countWords('机器学习很有趣')).toBe(4);
    expect(readingMinutes('word '.repeat(690))).toBe(3);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('pagination', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);
  it('slices pages and refuses pages that do not exist', () => {
    expect(paginate(items, 1, 12)).toMatchObject({ items: items.slice(0, 12), page: 1, totalPages: 3, total: 25 });
    expect(paginate(items, 3, 12)?.items).toEqual([24]);
    expect(paginate(items, 4, 12)).toBeUndefined();
    expect(paginate(items, 0, 12)).toBeUndefined();
    expect(paginate([], 1, 12)).toMatchObject({ items: [], totalPages: 1 });
  });

  it('lists /page/n params from 2 and parses them strictly', () => {
    expect(extraPages(25, 12)).toEqual([{ page: '2' }, { page: '3' }]);
    expect(extraPages(12, 12)).toEqual([]);
    expect(orPlaceholder([], { page: '1' })).toEqual([{ page: '1' }]);
    expect(['2', '10', '1', '02', '2x', '-1'].map(parsePage)).toEqual([
      2,
      10,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
