import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArticles } from '@/lib/content';
import { findWarnings } from '@/lib/editorial-warnings';
import { siteUrlWarning } from '@/lib/site';

describe('content:check warnings', () => {
  const { articles, problems } = readArticles(path.resolve(__dirname, '../fixtures/warnings'));
  const findings = findWarnings(articles, '2026-06-01');
  const kinds = (kind: string) => findings.filter((f) => f.kind === kind);

  it('finds editorial problems without calling them errors', () => {
    expect(problems).toEqual([]);
    expect(kinds('duplicate source URL')).toHaveLength(1);
    expect(kinds('duplicate source URL')[0].files.map((f) => path.basename(f))).toEqual(['one.md', 'two.md']);
    expect(kinds('duplicate title')).toHaveLength(1);
    expect(
      kinds('placeholder source')
        .map((f) => path.basename(f.files[0]))
        .sort(),
    ).toEqual(['one.md', 'two.md']);
    expect(kinds('machine-looking title').map((f) => path.basename(f.files[0]))).toEqual(['three.md']);
    expect(kinds('future date').map((f) => f.detail)).toEqual(['2999-01-01']);
    expect(kinds('missing excerpt').map((f) => path.basename(f.files[0]))).toEqual(['one.md']);
    expect(kinds('missing cover image')).toHaveLength(1);
    expect(kinds('tag spelled differently')[0].detail).toBe('Ai (1), AI (1)');
  });
});

describe('the SITE_URL warning of production builds', () => {
  const original = process.env.SITE_URL;
  afterEach(() => {
    process.env.SITE_URL = original;
  });

  it('names the variable and what it affects when it is missing, and is silent when it is set', () => {
    process.env.SITE_URL = '';
    expect(siteUrlWarning()).toMatch(/SITE_URL is not set.*http:\/\/localhost:3000.*sitemap.*feeds.*canonical/);
    process.env.SITE_URL = 'https://news.example.com';
    expect(siteUrlWarning()).toBeUndefined();
  });
});
