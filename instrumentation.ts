// Runs once when a Node host instance starts. With a shared Redis cache (lib/server/cache-handler.mjs),
// the pages the build prerendered are put in it, unless another instance already did: a page rendered
// since is newer and is kept.
export async function register() {
  // Next writes NEXT_RUNTIME into each bundle it makes of this file, so the Edge one drops the import.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readSettings } = await import('./lib/settings.mjs');
  const { redisUrl, production, nextPhase } = readSettings();
  if (!redisUrl || !production || nextPhase === 'phase-production-build') return;
  const { seedFromBuild } = await import('./lib/server/cache-handler.mjs');
  await seedFromBuild();
}
