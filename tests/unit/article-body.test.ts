// The index holds no bodies: what lists need is kept, and a page reads its body from the file
// (articleBody), exactly the body the loader parsed, or a ContentError naming a file that changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleBody, ContentError, loadContent, MAX_FILE_BYTES, type ParseCache } from '@/lib/content';
import { splitFrontMatter } from '@/lib/front-matter';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'inkwell-body-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
const MARKER = 'only-in-the-body-';
/** A body of about `size` characters, every paragraph marked, so any copy of a part of it is found. */
const bigBody = (size: number, n = 0) =>
  Array.from({ length: Math.ceil(size / 80) }, (_, i) => `${MARKER}${n}-${i} a paragraph of the body, in words.`).join(
    '\n\n',
  );

/** The problems a ContentError carries, as `file: field`. */
function thrown(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${path.basename(p.file)}: ${p.field}`);
  }
  throw new Error('expected a ContentError');
}

describe('the index', () => {
  it('holds no body, in the index or the parse cache, and articleBody gives the body parsed', () => {
    const body = bigBody(1_000_000);
    write('big.md', `---\ntitle: Big\ndate: '2026-01-01'\n---\n${body}`);
    write('small.md', "---\ntitle: Small\ndate: '2026-01-02'\nexcerpt: Given.\n---\nA short body.\n");
    const cache: ParseCache = new Map();
    const { index, problems } = loadContent(dir, { cache });
    expect(problems).toEqual([]);
    const big = index.bySlug.get('big');
    if (!big) throw new Error('big.md must load');
    // What the body gives is made at parse, and kept.
    expect(big.excerpt).toMatch(new RegExp(`^${MARKER}0-0 a paragraph`));
    expect(big.excerptFromBody).toBe(true);
    expect(big.readingMinutes).toBeGreaterThan(50);
    expect(big.filePath).toBe(path.join(dir, 'big.md'));
    expect(Object.keys(big)).not.toContain('body');
    // Serialised as the parse store writes it, neither the index nor the cache has any of the body's text
    // past the excerpt (160 characters): the first paragraphs' markers are in it, the tenth's is not.
    const later = `${MARKER}0-10 `;
    const held = serialize({ articles: index.articles, cache });
    expect(held.length).toBeLessThan(20_000);
    for (const encoding of ['latin1', 'utf16le'] as const)
      expect(held.includes(Buffer.from(later, encoding))).toBe(false);
    expect(JSON.stringify(index.articles)).not.toContain(later);
    // The body read again is the body the loader split off, byte for byte.
    expect(articleBody(big)).toBe(body);
    expect(articleBody(index.bySlug.get('small') ?? big)).toBe('A short body.\n');
  });

  it('reads the body exactly as the loader splits it: a BOM, CRLF lines, a ---yaml opening, no front-matter', () => {
    const files: Record<string, string> = {
      'bom.md': "\uFEFF---\ntitle: Bom\ndate: '2026-01-01'\n---\nBody after a BOM.\n",
      'crlf.md': "---\r\ntitle: Crlf\r\ndate: '2026-01-01'\r\n---\r\nLine one.\r\n\r\nLine two.\r\n",
      'yaml.mdx': "---yaml\ntitle: Yaml\ndate: '2026-01-01'\n...\n\n<Callout>Hi</Callout>\n---\nnot front-matter\n",
      'astral.md': "---\ntitle: Astral\ndate: '2026-01-01'\n---\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — and \u00e9, \u0301combining.\n",
    };
    for (const [name, text] of Object.entries(files)) write(name, text);
    const { index, problems } = loadContent(dir);
    expect(problems).toEqual([]);
    expect(index.articles).toHaveLength(4);
    for (const article of index.articles) {
      const text = readFileSync(article.filePath, 'utf8');
      expect(articleBody(article)).toBe(splitFrontMatter(text).body);
    }
    expect(articleBody(index.bySlug.get('crlf') ?? index.articles[0])).toBe('Line one.\r\n\r\nLine two.\r\n');
  });

  it('keeps no more than what lists need in memory, however long the bodies', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const ARTICLES = 100;
    const BODY = 200_000;
    for (let n = 0; n < ARTICLES; n++) {
      const fields = `title: "Article ${n}, a title long enough to be cut from the file"\ndate: '2026-01-01'`;
      write(`a-${n}.md`, `---\n${fields}\nsource: https://news.test/story/${n}\n---\n${bigBody(BODY, n)}`);
    }
    const before = heap();
    const cache: ParseCache = new Map();
    const { index } = loadContent(dir, { cache });
    const held = heap() - before;
    expect(index.articles).toHaveLength(ARTICLES);
    // 20 MB of bodies; the index and cache of 100 articles are tens of kilobytes. A string cut from a
    // file's text (a title, an excerpt) that kept the whole text alive would hold all 20 MB.
    expect(held).toBeLessThan((ARTICLES * BODY) / 10);
  });
});

describe('a file that changed since it was indexed', () => {
  it('is named with its field by a ContentError when it is broken, gone or too large', () => {
    write('story.md', "---\ntitle: Story\ndate: '2026-01-01'\n---\nThe body.\n");
    const { index } = loadContent(dir);
    const [story] = index.articles;
    expect(articleBody(story)).toBe('The body.\n');

    write('story.md', "---\ntitle: Story\ndate: '2026-01-01'\nThe closing line was deleted.\n");
    expect(thrown(() => articleBody(story))).toEqual(['story.md: front-matter']);
    write('story.md', '---\ntitle: [unclosed\n---\nThe body.\n');
    expect(thrown(() => articleBody(story))).toEqual(['story.md: front-matter']);
    // The message a build or the server prints names the file too.
    expect(() => articleBody(story)).toThrow(/story\.md: front-matter: invalid YAML/);

    write('story.md', `---\ntitle: Story\ndate: '2026-01-01'\n---\n${'x'.repeat(MAX_FILE_BYTES)}`);
    expect(thrown(() => articleBody(story))).toEqual(['story.md: file']);
    rmSync(path.join(dir, 'story.md'));
    expect(thrown(() => articleBody(story))).toEqual(['story.md: file']);
    expect(() => articleBody(story)).toThrow(/story\.md: file: cannot be read \(ENOENT\)/);
  });

  it('gives the new body when the file is still whole: the next look at the folder indexes the rest', () => {
    write('story.md', "---\ntitle: Story\ndate: '2026-01-01'\n---\nThe body.\n");
    const [story] = loadContent(dir).index.articles;
    write('story.md', "---\ntitle: Story, retitled\ndate: '2026-01-01'\n---\nThe body, edited.\n");
    expect(articleBody(story)).toBe('The body, edited.\n');
  });
});
