// Runs once when a Node host instance starts. With a shared Redis cache (lib/server/cache-handler.mjs),
// the pages the build prerendered are put in it, unless another instance already did: a page rendered
// since is newer and is kept.
import { readSettings } from './lib/settings.mjs';

export async function register() {
  const { nextRuntime, redisUrl, production, nextPhase } = readSettings();
  if (nextRuntime !== 'nodejs' || !redisUrl || !production || nextPhase === 'phase-production-build') return;
  const { seedFromBuild } = await import('./lib/server/cache-handler.mjs');
  await seedFromBuild();
}
