// The App Router floor: a bare app in the bench's temp folder that prerenders `pages` trivial pages
// with the site's Next configuration. What the site's build costs beyond it is ours to find.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFloorApp(dir: string, root: string, pages: number) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app', 'p', '[id]'), { recursive: true });
  // Turbopack resolves `next` from its root: the floor lives inside the project, so the root is the project's.
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  writeFileSync(
    path.join(dir, 'next.config.js'),
    `const site = require(${JSON.stringify(path.join(root, 'next.config.js'))});
module.exports = site;
`,
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
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
    }),
  );
  writeFileSync(
    path.join(dir, 'app', 'layout.tsx'),
    `export default function Layout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  );
  writeFileSync(
    path.join(dir, 'app', 'p', '[id]', 'page.tsx'),
    `export const dynamicParams = false;
export const generateStaticParams = () => Array.from({ length: ${pages} }, (_, i) => ({ id: String(i) }));
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <p>Page {(await params).id}</p>;
}
`,
  );
}
