// `npm run dev` only (next.config.js adds the `.dev.ts` extension in development alone, so a build
// never sees this file): an article's old paths (`aliases`) answer 308 to it, as on the Node host
// (lib/server/server.mjs) and in a static export (scripts/write-redirects.ts). Next runs the proxy in
// the app's own process, so it reads the content the pages do (lib/content keeps it on globalThis) and
// makes the table again only when that content changes: a saved alias works on the next request, and
// no request waits on another.
import { type NextRequest, NextResponse } from 'next/server';
import { aliasTable } from './lib/aliases';
import { type ContentIndex, getContent } from './lib/content';
import { AliasTable } from './lib/server/aliases.mjs';

const aliases = new AliasTable();
let madeFrom: ContentIndex | undefined;

export function proxy(request: NextRequest) {
  const index = getContent();
  if (index !== madeFrom) {
    aliases.replace(aliasTable(index));
    madeFrom = index;
  }
  const moved = aliases.redirect(request.nextUrl.pathname + request.nextUrl.search);
  return moved === undefined ? NextResponse.next() : NextResponse.redirect(new URL(moved, request.url), 308);
}

// Next's own files and the reload script are never old article paths.
export const config = { matcher: ['/((?!_next/|dev-reload|__nextjs).*)'] };
