// content:check's look at bodies: what renders, but not as written. Kept apart from lib/editorial-warnings.ts
// because it renders (markdown, MDX), which the front-matter warnings never need.

import { articleBody, type ParsedArticle } from './content';
import type { Finding } from './editorial-warnings';
import { MAX_DEPTH } from './html-tree';
import { excessNesting } from './markdown';
import { MDX_BUDGET_REASON, mdxErrorReason, mdxWithinBudget } from './mdx-allowlist';

/** MDX's compiler, loaded only when there is MDX to check (it is ESM only, and large). */
async function compileMdx(body: string): Promise<void> {
  const [{ serialize }, { default: remarkGfm }] = await Promise.all([
    import('next-mdx-remote/serialize'),
    import('remark-gfm'),
  ]);
  await serialize(body, { mdxOptions: { remarkPlugins: [remarkGfm] } });
}

/** Bodies nested deeper than pages keep, and `.mdx` bodies shown as markdown, and why: each read from its file. */
export async function bodyFindings(articles: ParsedArticle[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const a of articles) {
    const body = articleBody(a);
    const asMarkdown = a.format === 'md' || !mdxWithinBudget(body);
    if (a.format === 'mdx' && asMarkdown) {
      findings.push({
        kind: 'MDX shown as markdown',
        files: [a.file],
        detail: MDX_BUDGET_REASON,
      });
    } else if (a.format === 'mdx') {
      try {
        await compileMdx(body);
      } catch (error) {
        findings.push({
          kind: 'MDX shown as markdown',
          files: [a.file],
          detail: `it does not compile: ${mdxErrorReason(error)}`,
        });
      }
    }
    const depth = asMarkdown ? excessNesting(body) : undefined;
    if (depth) {
      const detail = `${depth} levels of HTML; below ${MAX_DEPTH} it is flattened, keeping the text`;
      findings.push({ kind: 'deeply nested body', files: [a.file], detail });
    }
  }
  return findings;
}
