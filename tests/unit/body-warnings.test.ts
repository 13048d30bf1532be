import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFindings } from '@/lib/body-warnings';
import { readArticleFile } from '@/lib/content';
import { articleFiles, articleSource } from './article-files';

const write = articleFiles();
const article = (file: string, body: string) => {
  const { article } = readArticleFile(write(file, articleSource(body)));
  if (!article) throw new Error('fixture must parse');
  return article;
};

describe('content:check on bodies', () => {
  it('warns about bodies nested deeper than pages keep, and about MDX shown as markdown', async () => {
    const findings = await bodyFindings([
      article('deep.md', `${'<div>'.repeat(600)}text`),
      article('shallow.md', `${'<div>'.repeat(200)}text${'</div>'.repeat(200)}`),
      article('many-tags.md', '<p>a</p>'.repeat(1000)),
      article('broken.mdx', 'An <div> never closed'),
      article('busy.mdx', '*a'.repeat(5000)),
      article('fine.mdx', '<Callout type="tip">Fine.</Callout>'),
    ]);
    expect(findings.map((f) => [f.kind, path.basename(f.files[0])])).toEqual([
      ['deeply nested body', 'deep.md'],
      ['MDX shown as markdown', 'broken.mdx'],
      ['MDX shown as markdown', 'busy.mdx'],
    ]);
    expect(findings[0].detail).toMatch(/^601 levels/);
    expect(findings[1].detail).toMatch(/does not compile: Expected a closing tag for `<div>`/);
  });
});
