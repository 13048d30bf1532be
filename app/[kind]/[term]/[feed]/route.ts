// The feeds of one term: /tags/<slug>/feed.xml, atom.xml and feed.json, for every kind of term.
import { termFeed } from '@/lib/feeds';
import { termKind, termKinds, termParams } from '@/lib/terms';
import { feedFiles, feedFormat } from '@/lib/urls';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return termKinds.flatMap((kind) =>
    termParams(kind).flatMap((p) => Object.values(feedFiles).map((feed) => ({ kind, ...p, feed }))),
  );
}

type Params = { params: Promise<{ kind: string; term: string; feed: string }> };

export async function GET(_: Request, { params }: Params) {
  const { kind, term, feed } = await params;
  const [known, format] = [termKind(kind), feedFormat(feed)];
  if (!known || !format) return new Response('Not found', { status: 404 });
  return termFeed(known, term, format);
}
