// The one site configuration: identity, origin, paging and editorial defaults. What differs between
// deployments (the origin, the content folder) comes from the environment, through lib/settings.mjs.
import { LOCAL_URL, readSettings } from './settings.mjs';

/** What a production build says when it has no public origin, which every absolute URL it writes uses. */
export function siteUrlWarning(): string | undefined {
  if (readSettings().siteUrlGiven) return undefined;
  return `Warning: SITE_URL is not set, so this build uses ${LOCAL_URL} as the site's public origin in the sitemap, robots.txt, feeds, canonical and Open Graph URLs and JSON-LD. Set it to where the site is served, e.g. SITE_URL=https://example.org npm run build`;
}

export const site = {
  name: 'Inkwell',
  title: 'Inkwell — notes on AI, the web and publishing',
  description:
    'A publication built from markdown: news, guides and analysis on artificial intelligence and the open web.',
  url: readSettings().siteUrl,
  locale: 'en-US',
  language: 'en',
  pageSize: 12,
  /** Browser UI colour per colour scheme: the page background. */
  themeColors: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
  defaultAuthor: 'Inkwell Editors',
  /** The social card for pages without a cover image (1200×630). */
  defaultImage: { url: '/og.png', width: 1200, height: 630 },
  /**
   * What feeds carry of each article: its excerpt, or its whole body (sanitised, URLs absolute) in RSS
   * `content:encoded`, Atom `content` and JSON Feed `content_html`.
   */
  feedContent: 'excerpt' as 'excerpt' | 'full',
  /** Canonical URL of a republished article: its original source, or our own page. */
  canonicalToSource: true,
  /**
   * Display names that beat the automatic choice, keyed by lower-cased term: imports often write
   * brands and acronyms in title case (`Openai`, `Ai`) with no better spelling anywhere to learn from.
   */
  termNames: {
    ai: 'AI',
    openai: 'OpenAI',
    chatgpt: 'ChatGPT',
    deepmind: 'DeepMind',
    github: 'GitHub',
    nlp: 'NLP',
    llm: 'LLM',
    llms: 'LLMs',
    aws: 'AWS',
    iot: 'IoT',
    api: 'API',
    'next.js': 'Next.js',
    mdx: 'MDX',
    html: 'HTML',
  } as Record<string, string>,
  nav: [
    { href: '/', label: 'Latest' },
    { href: '/categories', label: 'Categories' },
    { href: '/tags', label: 'Tags' },
    { href: '/search', label: 'Search' },
  ],
  footerNav: [
    { href: '/archive', label: 'Archive' },
    { href: '/authors', label: 'Authors' },
    { href: '/categories', label: 'Categories' },
    { href: '/tags', label: 'Tags' },
  ],
} as const;

export type Site = typeof site;
