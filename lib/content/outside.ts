// The loader's own work (the folder's watch, its timers, the full look, the parse store's writes)
// belongs to no request, but Node hands every timer and watch the async context it was made in, and the
// live content is first asked for by a page. In `npm run dev` that context is React's render: React then
// tracks every promise the work makes, with a stack trace for each await, for as long as the work runs
// (a full look at 100,000 files made ~200,000, and ~1.5 GB of RSS was the result). So the server
// remembers a context from before any request (instrumentation.ts) and the loader makes its work there.
import { AsyncLocalStorage } from 'node:async_hooks';

// On globalThis: instrumentation.ts and the route bundles each have their own copy of this module.
const memo = globalThis as typeof globalThis & { __inkwellOutside?: <R>(work: () => R) => R };

/** Remembers the context of this moment as the one outside requests: call it before any request. */
export function rememberOutsideRequests(): void {
  memo.__inkwellOutside ??= AsyncLocalStorage.snapshot();
}

/** Runs `work` in the context remembered outside requests, or in this one when none was remembered. */
export function outsideRequests<R>(work: () => R): R {
  return memo.__inkwellOutside ? memo.__inkwellOutside(work) : work();
}
