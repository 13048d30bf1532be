// Runs once when a server process starts, before it answers.
// - The content loader remembers this moment's async context, which is no request's, to make its own
//   work in (lib/content/outside.ts).
// - `npm run dev`: the heap's growth is bounded as on the Node host (lib/server/heap.mjs), where its
//   server does it: at 100,000 articles the content index is ~0.5 GB and V8 would let the heap grow to
//   several times that before a full collection.
// - With a shared Redis cache (lib/server/cache-handler.mjs), the pages the build prerendered are put
//   in it, unless another instance already did: a page rendered since is newer and is kept.
export async function register() {
  // Next writes NEXT_RUNTIME into each bundle it makes of this file, so the Edge one drops the import.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readSettings } = await import('./lib/settings.mjs');
  const { redisUrl, production, nextPhase } = readSettings();
  const { rememberOutsideRequests } = await import('./lib/content/outside');
  rememberOutsideRequests();
  if (!production) {
    const { boundHeapGrowth } = await import('./lib/server/heap.mjs');
    boundHeapGrowth();
  }
  if (!redisUrl || !production || nextPhase === 'phase-production-build') return;
  const { seedFromBuild } = await import('./lib/server/cache-handler.mjs');
  await seedFromBuild();
}
