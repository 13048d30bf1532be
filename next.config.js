// One repository, two hosts: `next start` on Node, or STATIC_EXPORT=1 for a folder of files in out/.
const path = require('node:path');
const { securityHeaders, strictTransportSecurity } = require('./lib/security-headers');

const isExport = Boolean(process.env.STATIC_EXPORT);
const contentDir = path.resolve(process.env.CONTENT_DIR || 'content');
// Turbopack only reads inside its root; a content folder elsewhere widens the root to include it.
const root = commonAncestor(__dirname, contentDir);

function commonAncestor(a, b) {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/** @type {import('next').NextConfig} */
module.exports = {
  output: isExport ? 'export' : undefined,
  trailingSlash: isExport,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root },
  outputFileTracingRoot: root,
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
