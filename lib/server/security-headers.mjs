// @ts-check
// Security headers, one definition for both hosts: next.config.js sends them from the Node host,
// and the static export gets the same policy as a `_headers` file (Netlify, Cloudflare Pages syntax).
import { createHash } from 'node:crypto';
import { themeScript } from './theme-script.mjs';

const themeHash = `'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`;

const EMBED_ORIGINS = ['https://www.youtube.com', 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

const scriptSrc = `script-src 'self' ${themeHash} 'wasm-unsafe-eval'`;

/** Only what the site uses: its own files, the theme script by hash, Pagefind's WebAssembly, covers from anywhere on https. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  scriptSrc,
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${EMBED_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The part of the policy a `<meta http-equiv>` can enforce, for every page: a static host that ignores
 * `_headers` still refuses injected script, plugins and a moved base URL. (Meta policies cannot carry
 * frame-ancestors, and apply only to what follows them, so the tag comes first in <head>.)
 */
export const metaContentSecurityPolicy = [scriptSrc, "object-src 'none'", "base-uri 'self'"].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * The request header with which the proxy in front says the reader came over HTTPS: only then is HSTS
 * sent. As next.config.js headers() takes it (`has`); Next matches the value whole, as overHttps does.
 */
export const forwardedHttps = /** @type {const} */ ({ type: 'header', key: 'x-forwarded-proto', value: 'https' });

/** Whether a request's headers say it came over HTTPS, as Next's `has: [forwardedHttps]` decides it. */
export const overHttps = (/** @type {import('node:http').IncomingHttpHeaders} */ headers) =>
  headers[forwardedHttps.key] === forwardedHttps.value;

export const strictTransportSecurity = {
  key: 'Strict-Transport-Security',
  value: 'max-age=63072000; includeSubDomains',
};

/** The `_headers` file for static hosts, which serve HTTPS, so HSTS is always on. */
export function headersFile() {
  const lines = [...securityHeaders, strictTransportSecurity].map(({ key, value }) => `  ${key}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}
