// The Node host's content refresh, called by its own server (lib/server/server.mjs) every
// REVALIDATE_SECONDS with a token it made at start: when a file under CONTENT_DIR changed, every
// cached page and feed is marked stale and made again on its next request. The news sitemap also
// changes with time alone, as articles leave its two-day window: it is made again when they do. The
// server asks once more a few seconds after a change, to have every page made again (`x-inkwell-revalidate`).
// It also hands the server the table of moved URLs (lib/aliases.ts). Anyone else gets a 404.
import { revalidatePath } from 'next/cache';
import { aliasTable } from '@/lib/aliases';
import { refreshContent } from '@/lib/content';
import { newsWindowKey } from '@/lib/news-sitemap';
import { readSettings } from '@/lib/settings.mjs';

const memo = globalThis as typeof globalThis & { __inkwellNewsWindow?: string };

export async function POST(request: Request) {
  const token = readSettings().refreshToken;
  if (!token || request.headers.get('x-inkwell-refresh') !== token) return new Response('Not found', { status: 404 });
  const { changed, index } = await refreshContent();
  const news = newsWindowKey();
  // Asked again a few seconds after a change: a render that began before it was kept as fresh.
  if (changed || request.headers.get('x-inkwell-revalidate')) revalidatePath('/', 'layout');
  else if (memo.__inkwellNewsWindow !== undefined && news !== memo.__inkwellNewsWindow) {
    revalidatePath('/news-sitemap.xml');
  }
  memo.__inkwellNewsWindow = news;
  // The server's table of moved URLs: at its start, and whenever content changed.
  const aliases = changed || request.headers.get('x-inkwell-aliases') ? aliasTable(index) : undefined;
  return Response.json({ changed, articles: index.articles.length, problems: index.problems.length, aliases });
}
