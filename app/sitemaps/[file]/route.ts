import { sitemapChunks, sitemapChunkXml } from '@/lib/sitemap';

export const dynamic = 'force-static';

/** Only used past 50,000 URLs; until then the one chunk repeats /sitemap.xml and is not linked. */
export function generateStaticParams() {
  return Array.from({ length: sitemapChunks() }, (_, i) => ({ file: `${i + 1}.xml` }));
}

export async function GET(_: Request, { params }: { params: Promise<{ file: string }> }) {
  const n = Number((await params).file.replace(/\.xml$/, ''));
  const xml = Number.isInteger(n) && n >= 1 ? sitemapChunkXml(n) : undefined;
  if (!xml) return new Response('Not found', { status: 404 });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
