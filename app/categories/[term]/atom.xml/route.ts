import { termFeed } from '@/lib/feeds';
import { termParams } from '@/lib/taxonomy';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return termParams('categories');
}

export async function GET(_: Request, { params }: { params: Promise<{ term: string }> }) {
  return termFeed('categories', (await params).term, 'atom');
}
