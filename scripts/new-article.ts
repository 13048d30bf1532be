// `npm run new -- "Title" [--tags "AI, Robotics"] [--category Research] [--author "Ada Winters"] [--mdx]`:
// writes <CONTENT_DIR>/<slug>.md as a draft with valid front-matter, and prints where and its dev URL.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readArticles } from '../lib/content';
import { articleSlug, listOption, newArticleSource } from '../lib/new-article';
import { readSettings } from '../lib/settings.mjs';
import { urls } from '../lib/urls';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tags: { type: 'string' },
    category: { type: 'string' },
    author: { type: 'string' },
    mdx: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const title = positionals.join(' ').trim();
if (!title) fail('give the title, e.g. npm run new -- "My first article" --tags "AI, Robotics"');
const slug = articleSlug(title);
if (!slug) fail(`"${title}" has no letters or digits to make a URL from`);

const dir = contentDir();
const file = path.join(dir, `${slug}.${values.mdx ? 'mdx' : 'md'}`);
if (existsSync(file)) fail(`${path.relative(process.cwd(), file)} exists already; pick another title`);
if (existsSync(dir)) {
  const taken = readArticles(dir).articles.find((a) => a.slug === slug);
  if (taken) fail(`the URL /articles/${slug} is taken by ${taken.file}; pick another title`);
}

mkdirSync(dir, { recursive: true });
const today = new Date().toISOString().slice(0, 10);
writeFileSync(
  file,
  newArticleSource({
    title,
    tags: listOption(values.tags),
    category: values.category?.trim() || undefined,
    author: values.author?.trim() || undefined,
    mdx: values.mdx,
    today,
  }),
  { flag: 'wx' },
);
const { port } = readSettings();
console.log(`Wrote ${path.relative(process.cwd(), file) || file}`);
console.log(`With npm run dev running, it is at http://localhost:${port}${urls.article(slug)}`);
