// @ts-check
// `node scripts/capture-next-output.mjs`: after a Next.js upgrade, captures what the new version writes
// where lib/server/next-internals.mjs reads it, into tests/fixtures/next/, for its unit test. Builds
// the test fixture site for the Node host with `next build` alone (no postbuild, so pages keep Next's
// runtime), then copies a page, the not-found page, a feed and their `.meta` files. Then run
// `npx vitest run tests/unit/next-internals.test.ts` and update next-internals.mjs until it passes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextVersion } from '../lib/server/next-internals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = path.join(root, '.next', 'server', 'app');
const target = path.join(root, 'tests', 'fixtures', 'next');

execFileSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CONTENT_DIR: 'tests/fixtures/site', PRERENDER_NEWEST: 'all', NEXT_TELEMETRY_DISABLED: '1' },
});
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
/** @type {[string, string][]} */
const files = [
  ['index.html', 'home.html'],
  ['index.meta', 'home.meta'],
  ['articles/brief-01.html', 'article.html'],
  ['_not-found.html', 'not-found.html'],
  ['feed.xml.meta', 'feed.meta'],
];
for (const [from, to] of files) copyFileSync(path.join(app, from), path.join(target, to));
writeFileSync(path.join(target, 'VERSION'), `${nextVersion}\n`);
console.log(`captured Next.js ${nextVersion}'s output in ${path.relative(root, target)}; run \`npm run build\` again`);
