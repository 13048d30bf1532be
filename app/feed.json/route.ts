import { siteFeed } from '@/lib/feeds';

export const dynamic = 'force-static';

export function GET() {
  return siteFeed('json');
}
