import { termFeed } from '@/lib/feeds';
import { termParams } from '@/lib/taxonomy';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return termParams('tags');
}

export async function GET(_: Request, { params }: { params: Promise<{ term: string }> }) {
  return termFeed('tags', (await params).term, 'rss');
}
