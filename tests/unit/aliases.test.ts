import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { aliasTable, redirectFile, redirectPage, redirectsFile } from '@/lib/aliases';
import type { Article, ContentIndex } from '@/lib/content';
import { AliasTable } from '@/lib/server/aliases.mjs';
import { metaContentSecurityPolicy } from '@/lib/server/security-headers.mjs';
import { site } from '@/lib/site';

const article = (slug: string, aliases: string[], title = `Story ${slug}`) => ({ slug, title, aliases }) as Article;
const index = (articles: Article[]) => ({ articles }) as ContentIndex;

describe('moved URLs', () => {
  const moved = article('new-slug', ['/2025/11/14/old-slug', '/articles/old-slug', '/caf%C3%A9']);

  it('maps every alias of every article to the article', () => {
    expect(aliasTable(index([moved, article('other', [])]))).toEqual({
      '/2025/11/14/old-slug': '/articles/new-slug',
      '/articles/old-slug': '/articles/new-slug',
      '/caf%C3%A9': '/articles/new-slug',
    });
  });

  it('writes a _redirects line for each, in the format Netlify and Cloudflare Pages read', () => {
    const file = redirectsFile(aliasTable(index([moved])));
    expect(file.split('\n').filter(Boolean)).toEqual([
      '/2025/11/14/old-slug /articles/new-slug 301',
      '/articles/old-slug /articles/new-slug 301',
      '/caf%C3%A9 /articles/new-slug 301',
    ]);
  });

  it('puts each redirect page at its path as a folder, decoded to file names', () => {
    expect(redirectFile('/2025/11/14/old-slug')).toEqual(['2025', '11', '14', 'old-slug', 'index.html']);
    expect(redirectFile('/caf%C3%A9')).toEqual(['café', 'index.html']);
  });

  it('makes a redirect page that sends the reader on and names the canonical URL, with no markup from the title', () => {
    const hostile = article('new-slug', ['/x'], '"><script>alert(1)</script> & <b>bold</b>');
    const page = redirectPage(hostile, metaContentSecurityPolicy);
    const doc = parse(page);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('b')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/articles/new-slug');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${site.url}/articles/new-slug`);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('a')?.text).toBe('"><script>alert(1)</script> & <b>bold</b>');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      metaContentSecurityPolicy,
    );
  });

  it('on the Node host, sends an alias with or without its final slash to the article, query and all', () => {
    const table = new AliasTable();
    table.replace(aliasTable(index([moved])));
    expect(table.redirect('/articles/old-slug')).toBe('/articles/new-slug');
    expect(table.redirect('/articles/old-slug/')).toBe('/articles/new-slug');
    expect(table.redirect('/2025/11/14/old-slug?utm=x')).toBe('/articles/new-slug?utm=x');
    expect(table.redirect('/articles/new-slug')).toBeUndefined();
    expect(table.redirect('/')).toBeUndefined();
    // Keys are the one spelling: requests reach the table after the server has respelled them.
    expect(table.redirect('/caf%C3%A9')).toBe('/articles/new-slug');
    table.replace({});
    expect(table.redirect('/articles/old-slug')).toBeUndefined();
  });
});
