// One repository, two hosts: `npm start` on Node, or STATIC_EXPORT=1 for a folder of files in out/.
const os = require('node:os');
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');
const { securityHeaders, strictTransportSecurity } = require('./lib/security-headers');

const isExport = Boolean(process.env.STATIC_EXPORT);

/**
 * Build workers: Next's default is a core short of the machine, which leaves one worker on two cores,
 * where two generate pages markedly faster (docs/performance.md). Each worker holds the whole content
 * index, so memory caps them too: at most one per GiB.
 */
const buildWorkers = Math.max(2, Math.min(os.availableParallelism() - 1, Math.floor(os.totalmem() / 2 ** 30)));

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  // Routes named `route.dev.ts` exist in `npm run dev` alone (app/dev-reload).
  pageExtensions: ['tsx', 'ts', 'jsx', 'js', ...(phase === PHASE_DEVELOPMENT_SERVER ? ['dev.ts'] : [])],
  output: isExport ? 'export' : undefined,
  trailingSlash: isExport,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // The loader reads CONTENT_DIR at build time with `turbopackIgnore`, so a content folder outside
  // the project needs no wider root: keeping the root here keeps compiles fast (23 s, not 59 s).
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
  // A static export has no server to send headers: postexport writes them to out/_headers instead.
  ...(isExport
    ? {}
    : {
        // `npm start` (scripts/server.mjs) compresses, after it has made each page plain HTML.
        compress: false,
        // The page cache keeps no 404s, which made-up URLs would fill (lib/cache-handler.mjs). With
        // REDIS_URL, every instance keeps its pages in one Redis and none keeps a copy of its own.
        ...(phase !== PHASE_DEVELOPMENT_SERVER
          ? {
              cacheHandler: require.resolve('./lib/cache-handler.mjs'),
              ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
            }
          : {}),
        serverExternalPackages: ['@fortedigital/nextjs-cache-handler', 'redis'],
        // Instances behind one load balancer run one build; BUILD_ID names it when builds are repeated.
        generateBuildId: () => process.env.BUILD_ID?.trim() || null,
        headers: async () => [
          { source: '/:path*', headers: securityHeaders },
          {
            source: '/:path*',
            has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
            headers: [strictTransportSecurity],
          },
        ],
      }),
  experimental: { cpus: buildWorkers, staticGenerationMaxConcurrency: 32 },
});
