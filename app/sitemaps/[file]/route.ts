import { sitemapChunks, sitemapChunkXml } from '@/lib/sitemap';

export const dynamic = 'force-static';

/** A chunk's one name: `01.xml`, `1e0.xml` or `+1.xml` would be the same sitemap again under another URL. */
const CHUNK = /^[1-9][0-9]*\.xml$/;

/** Only used past 50,000 URLs; until then the one chunk repeats /sitemap.xml and is not linked. */
export function generateStaticParams() {
  return Array.from({ length: sitemapChunks() }, (_, i) => ({ file: `${i + 1}.xml` }));
}

export async function GET(_: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const xml = CHUNK.test(file) ? sitemapChunkXml(Number(file.slice(0, -'.xml'.length))) : undefined;
  if (!xml) return new Response('Not found', { status: 404 });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
