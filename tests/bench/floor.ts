// The App Router floor: a bare app in the bench's temp folder that prerenders `pages` trivial pages
// with the site's Next configuration. What the site's build costs beyond it is ours to find. And the
// served floor: a bare app with Next's defaults, whose prerendered pages plain `next start` serves as
// the reference for the site's cached pages under load.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    jsx: 'react-jsx',
    strict: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    skipLibCheck: true,
    noEmit: true,
    allowJs: true,
    incremental: false,
    isolatedModules: true,
    esModuleInterop: true,
    lib: ['dom', 'esnext'],
    plugins: [{ name: 'next' }],
  },
  include: ['**/*.tsx'],
});

const LAYOUT = `export default function Layout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}
`;

/** A bare app in `dir` with one layout and one dynamic route, `app/p/[id]/page.tsx`, of `page`. */
function writeBareApp(dir: string, root: string, nextConfig: string, page: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app', 'p', '[id]'), { recursive: true });
  // Turbopack resolves `next` from its root: the app lives inside the project, so the root is the project's.
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  writeFileSync(path.join(dir, 'next.config.js'), nextConfig);
  writeFileSync(path.join(dir, 'tsconfig.json'), TSCONFIG);
  writeFileSync(path.join(dir, 'app', 'layout.tsx'), LAYOUT);
  writeFileSync(path.join(dir, 'app', 'p', '[id]', 'page.tsx'), page);
}

export function writeFloorApp(dir: string, root: string, pages: number) {
  writeBareApp(
    dir,
    root,
    `module.exports = require(${JSON.stringify(path.join(root, 'next.config.js'))});\n`,
    `export const dynamicParams = false;
export const generateStaticParams = () => Array.from({ length: ${pages} }, (_, i) => ({ id: String(i) }));
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <p>Page {(await params).id}</p>;
}
`,
  );
}

/**
 * The reference for cached pages under load (issue 21): a bare App Router app with Next's defaults,
 * whose `pages` prerendered pages are about `bytes` long, as large as the site's page they are compared
 * with, to be served by plain `next start`. Its text is in each page twice, once in the RSC payload.
 */
export function writeServedFloorApp(dir: string, root: string, pages: number, bytes: number) {
  const sentence = 'A sentence of the story, as long as the ones around it. ';
  writeBareApp(
    dir,
    root,
    `module.exports = { turbopack: { root: ${JSON.stringify(root)} }, outputFileTracingRoot: ${JSON.stringify(root)} };\n`,
    `export const dynamicParams = false;
export const generateStaticParams = () => Array.from({ length: ${pages} }, (_, i) => ({ id: String(i) }));
const text = ${JSON.stringify(sentence)}.repeat(${Math.max(1, Math.round(bytes / 2 / sentence.length))});
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <main><h1>Page {(await params).id}</h1><p>{text}</p></main>;
}
`,
  );
}
