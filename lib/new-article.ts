// `npm run new`: the file a new article starts as. Pure, so the command and its tests share it.
import { slugify } from './urls';

export interface NewArticle {
  title: string;
  tags?: string[];
  category?: string;
  author?: string;
  mdx?: boolean;
  /** The calendar day it is written, YYYY-MM-DD. */
  today: string;
}

/** A URL segment for a title: at most 80 characters, cut at a hyphen. */
export function articleSlug(title: string): string {
  const slug = slugify(title);
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : 80);
}

/** Front-matter with every string quoted (JSON strings are YAML), a draft flag and a one-line body. */
export function newArticleSource({ title, tags = [], category, author, mdx = false, today }: NewArticle): string {
  const q = (text: string) => JSON.stringify(text);
  const lines = [
    '---',
    `title: ${q(title)}`,
    `date: ${q(today)}`,
    `excerpt: ${q('One or two sentences that say what this article is about.')}`,
    ...(author ? [`author: ${q(author)}`] : []),
    ...(tags.length ? [`tags: [${tags.map(q).join(', ')}]`] : []),
    ...(category ? [`category: ${q(category)}`] : []),
    'draft: true # shown by `npm run dev` only; delete this line to publish',
    '---',
    mdx
      ? 'Start writing here. <Callout type="tip">MDX can use the site\'s components.</Callout>'
      : 'Start writing here, in markdown.',
    '',
  ];
  return lines.join('\n');
}

/** `"AI, Robotics"` → `['AI', 'Robotics']`. */
export const listOption = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
