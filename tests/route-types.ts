// Next's own check that every page, layout and route handler exports what its route allows, from the
// types `next typegen` writes (`npm run typecheck` runs it first). `next build` skips its copy of this
// check (next.config.js), so `npm run typecheck` is where it runs.
import '../.next/types/validator';
