// @ts-check
// One repository, two hosts: `npm start` on Node, or STATIC_EXPORT=1 for a folder of files in out/.
const os = require('node:os');
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } = require('next/constants');

/**
 * Build workers: Next's default is a core short of the machine, which leaves one worker on two cores,
 * where two generate pages markedly faster (docs/performance.md). Each worker holds the whole content
 * index, so memory caps them too: at most one per GiB.
 */
const buildWorkers = Math.max(2, Math.min(os.availableParallelism() - 1, Math.floor(os.totalmem() / 2 ** 30)));

/** @type {(phase: string) => Promise<import('next').NextConfig>} */
module.exports = async (phase) => {
  const { readSettings } = await import('./lib/settings.mjs');
  const { forwardedHttps, securityHeaders, strictTransportSecurity } = await import(
    './lib/server/security-headers.mjs'
  );
  const settings = readSettings();
  // Plain `next start` would serve another site: Next's runtime in every page and content frozen at
  // start-up. `npm start` (lib/server/server.mjs) declares itself before Next reads this file.
  if (phase === PHASE_PRODUCTION_SERVER && !settings.nodeHost) {
    throw new Error(
      'This site is served with `npm start` (lib/server/server.mjs), not `next start`: plain Next would serve its client runtime in every page and never see new content.',
    );
  }
  const isExport = settings.staticExport;
  return {
    // Routes named `route.dev.ts` exist in `npm run dev` alone (app/dev-reload).
    pageExtensions: ['tsx', 'ts', 'jsx', 'js', ...(phase === PHASE_DEVELOPMENT_SERVER ? ['dev.ts'] : [])],
    output: isExport ? 'export' : undefined,
    trailingSlash: isExport,
    images: { unoptimized: true },
    poweredByHeader: false,
    reactStrictMode: true,
    // `npm run typecheck` (part of `npm test`) runs the same check, Next's route types included
    // (tests/route-types.ts); in the build it cost ~8 s of a core at any size.
    typescript: { ignoreBuildErrors: true },
    // The loader reads CONTENT_DIR with `turbopackIgnore`, so a content folder outside the project
    // needs no wider root, and a narrow root keeps compiles fast (docs/performance.md).
    turbopack: { root: __dirname },
    outputFileTracingRoot: __dirname,
    // A static export has no server to send headers: postexport writes them to out/_headers instead.
    ...(isExport
      ? {}
      : {
          // `npm start` (lib/server/server.mjs) compresses, after it has made each page plain HTML.
          compress: false,
          // The page cache keeps no 404s, which made-up URLs would fill (lib/server/cache-handler.mjs). With
          // REDIS_URL, every instance keeps its pages in one Redis and none keeps a copy of its own.
          ...(phase !== PHASE_DEVELOPMENT_SERVER
            ? {
                cacheHandler: require.resolve('./lib/server/cache-handler.mjs'),
                ...(settings.redisUrl ? { cacheMaxMemorySize: 0 } : {}),
              }
            : {}),
          serverExternalPackages: ['@fortedigital/nextjs-cache-handler', 'redis'],
          // Instances behind one load balancer run one build; BUILD_ID names it when builds are repeated.
          generateBuildId: () => settings.buildId ?? null,
          headers: async () => [
            { source: '/:path*', headers: securityHeaders },
            {
              source: '/:path*',
              // A request header a page's headers depend on: lib/server/page-cache.mjs keeps pages apart by it too.
              has: [forwardedHttps],
              headers: [strictTransportSecurity],
            },
          ],
        }),
    experimental: { cpus: buildWorkers, staticGenerationMaxConcurrency: 32 },
  };
};
