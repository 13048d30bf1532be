// @ts-check
// What the common static hosts take of a static export (`npm run build:static`), as their documentation
// states it (December 2026), and which of them an export of a given size is too big for. The build warns
// with it (scripts/build.mjs); the bench prints it; docs/deploy.md has the table and the measured sizes.
// Plain JavaScript, so that the build runs it as is.
import { statSync } from 'node:fs';
import { entriesUnder } from './files.mjs';

const MiB = 1024 * 1024;
/** GitHub and GitLab say "1 GB"; read as the smaller, 10^9 bytes, so that the warning is never late. */
const GB = 1_000_000_000;

/**
 * A host's limits; a missing field is a limit the host does not have.
 * @typedef {{
 *   name: string,
 *   files?: number,
 *   entries?: number,
 *   bytes?: number,
 *   fileBytes?: number,
 *   source: string,
 * }} StaticHost
 * `files`: files in the site; `entries`: files and folders together (GitLab counts both); `bytes`: the
 * whole site; `fileBytes`: any one file.
 */

/** @type {readonly StaticHost[]} */
export const STATIC_HOSTS = Object.freeze([
  {
    name: 'Cloudflare Pages (Free)',
    files: 20_000,
    fileBytes: 25 * MiB,
    source: 'https://developers.cloudflare.com/pages/platform/limits/',
  },
  {
    name: 'Cloudflare Pages (paid plans)',
    files: 100_000,
    fileBytes: 25 * MiB,
    source: 'https://developers.cloudflare.com/pages/platform/limits/',
  },
  {
    name: 'GitHub Pages',
    bytes: GB,
    source: 'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits',
  },
  {
    name: 'GitLab Pages (GitLab.com)',
    entries: 200_000,
    bytes: GB,
    source: 'https://docs.gitlab.com/user/gitlab_com/#gitlab-pages',
  },
  { name: 'S3 + a CDN', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html' },
]);

/**
 * The size of an export.
 * @typedef {{ files: number, bytes: number, directories?: number, largestFileBytes?: number }} ExportSize
 */

/**
 * The hosts whose limits an export of this size exceeds, each with what it exceeds, in STATIC_HOSTS
 * order. Pure: the same size always gives the same answer. A limit is exceeded when the export is over
 * it; exactly at it is within.
 * @param {ExportSize} size
 * @param {readonly StaticHost[]} [hosts]
 * @returns {{ host: StaticHost, over: string[] }[]}
 */
export function exceededHosts({ files, bytes, directories = 0, largestFileBytes = 0 }, hosts = STATIC_HOSTS) {
  /** @type {{ host: StaticHost, over: string[] }[]} */
  const exceeded = [];
  for (const host of hosts) {
    const over = [];
    if (host.files !== undefined && files > host.files) over.push(`${count(files)} files > ${count(host.files)}`);
    if (host.entries !== undefined && files + directories > host.entries)
      over.push(`${count(files + directories)} files and folders > ${count(host.entries)}`);
    if (host.bytes !== undefined && bytes > host.bytes) over.push(`${size(bytes)} > ${size(host.bytes)}`);
    if (host.fileBytes !== undefined && largestFileBytes > host.fileBytes)
      over.push(`a file of ${size(largestFileBytes)} > ${size(host.fileBytes)}`);
    if (over.length > 0) exceeded.push({ host, over });
  }
  return exceeded;
}

/**
 * Files, folders, bytes and the largest file below `dir`, in one walk (lib/files.mjs) and one stat a file.
 * @param {string} dir
 * @returns {Required<ExportSize>}
 */
export function exportSize(dir) {
  let files = 0;
  let directories = 0;
  let bytes = 0;
  let largestFileBytes = 0;
  for (const entry of entriesUnder(dir)) {
    if (entry.directory) {
      directories++;
      continue;
    }
    const { size } = statSync(entry.path);
    files++;
    bytes += size;
    if (size > largestFileBytes) largestFileBytes = size;
  }
  return { files, bytes, directories, largestFileBytes };
}

/**
 * The build's warning for an export of this size, or undefined when every host takes it.
 * @param {ExportSize} exported
 * @returns {string | undefined}
 */
export function hostLimitWarning(exported) {
  const exceeded = exceededHosts(exported);
  if (exceeded.length === 0) return undefined;
  const lines = exceeded.map(({ host, over }) => `  ${host.name}: ${over.join(', ')}`);
  return [
    `Warning: this export (${count(exported.files)} files, ${size(exported.bytes)}) is over the limits of:`,
    ...lines,
    'Upload it to a host without them (S3 + a CDN), or run the Node host (npm run build && npm start) behind a CDN: docs/deploy.md.',
  ].join('\n');
}

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');
/** @param {number} n */
function size(n) {
  if (n >= GB) return `${(n / GB).toFixed(2)} GB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  return `${(n / 1024).toFixed(1)} KiB`;
}
