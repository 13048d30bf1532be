// Runs once when a Node host instance starts. With a shared Redis cache (lib/cache-handler.mjs), the
// pages the build prerendered are put in it, unless another instance already did: a page rendered
// since is newer and is kept.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.REDIS_URL) return;
  if (process.env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { seedFromBuild } = await import('./lib/cache-handler.mjs');
  await seedFromBuild();
}
