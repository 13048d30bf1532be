// `npm run dev` only (next.config.js adds the `.dev.ts` extension in development alone, so a build
// never sees this file): an article's old paths (`aliases`) answer 308 to it, as on the Node host
// (lib/server/server.mjs) and in a static export (scripts/write-redirects.ts). The table comes from
// the app (app/dev-reload/route.dev.ts), which holds the content; it is asked again at most twice a
// second, so a saved alias works on the next refresh.
import { type NextRequest, NextResponse } from 'next/server';
import { AliasTable } from './lib/server/aliases.mjs';

const ASK_EVERY_MS = 500;
const aliases = new AliasTable();
let asked: { at: number; done: Promise<void> } | undefined;

function current(origin: string): Promise<void> {
  const now = Date.now();
  if (asked && now - asked.at < ASK_EVERY_MS) return asked.done;
  const done = fetch(new URL('/dev-reload?aliases', origin), { cache: 'no-store' })
    .then((response) => response.json())
    .then((table: Record<string, string>) => aliases.replace(table))
    .catch(() => {});
  asked = { at: now, done };
  return done;
}

export async function proxy(request: NextRequest) {
  await current(request.nextUrl.origin);
  const moved = aliases.redirect(request.nextUrl.pathname + request.nextUrl.search);
  return moved === undefined ? NextResponse.next() : NextResponse.redirect(new URL(moved, request.url), 308);
}

// Next's own files and the table's route are never old article paths.
export const config = { matcher: ['/((?!_next/|dev-reload|__nextjs).*)'] };
