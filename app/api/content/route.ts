// The Node host's content refresh, called by its own server (lib/server/server.mjs) every
// REVALIDATE_SECONDS with a token it made at start: when a file under CONTENT_DIR changed, every
// cached page and feed is marked stale and made again on its next request. Anyone else gets a 404.
import { revalidatePath } from 'next/cache';
import { refreshContent } from '@/lib/content';
import { readSettings } from '@/lib/settings.mjs';

export async function POST(request: Request) {
  const token = readSettings().refreshToken;
  if (!token || request.headers.get('x-inkwell-refresh') !== token) return new Response('Not found', { status: 404 });
  const { changed, index } = refreshContent();
  if (changed) revalidatePath('/', 'layout');
  return Response.json({ changed, articles: index.articles.length, problems: index.problems.length });
}
