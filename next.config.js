// One repository, two hosts: `next start` on Node, or STATIC_EXPORT=1 for a folder of files in out/.
const { securityHeaders, strictTransportSecurity } = require('./lib/security-headers');

const isExport = Boolean(process.env.STATIC_EXPORT);

/** @type {import('next').NextConfig} */
module.exports = {
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
        headers: async () => [
          { source: '/:path*', headers: securityHeaders },
          {
            source: '/:path*',
            has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
            headers: [strictTransportSecurity],
          },
        ],
      }),
  experimental: { cpus: 2, staticGenerationMaxConcurrency: 32 },
};
