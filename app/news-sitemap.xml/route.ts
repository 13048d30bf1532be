import { getContent } from '@/lib/content';
import { newsSitemapXml } from '@/lib/news-sitemap';

export const dynamic = 'force-static';

export function GET() {
  return new Response(newsSitemapXml(getContent().articles), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
