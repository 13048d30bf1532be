// No module of the project imports itself, directly or round a loop of others. A cycle makes what a
// module sees at load time depend on which of its members was imported first, and it ties modules
// that should change apart; the content loader and its parse store were one such pair.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSync } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder } from '@/lib/files.mjs';

const projectRoot = path.resolve(import.meta.dirname, '../..');

const FOLDERS = ['app', 'components', 'lib', 'scripts', 'tests'];
const TOP_FILES = ['next.config.js', 'instrumentation.ts'];
const CODE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIPPED = new Set(['node_modules', '.next', 'out']);
/** The nodes whose `source` names a module. */
const IMPORTING = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'ImportExpression',
  'TSImportType',
]);
/** What an import without its extension may name, in the order the resolver tries them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js'];

/** The project's own source files below `root`, as absolute paths. */
function sourceFiles(root: string): string[] {
  const fixtures = path.join(root, 'tests', 'fixtures');
  const skip = ({ path: entry, name }: { path: string; name: string }) => SKIPPED.has(name) || entry === fixtures;
  const below = FOLDERS.flatMap((folder) => {
    try {
      return filesUnder(path.join(root, folder), { skip });
    } catch {
      return [];
    }
  });
  const top = TOP_FILES.map((file) => path.join(root, file)).filter(isFile);
  return [...below, ...top].filter((file) => CODE.test(file));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Every module `file` names: `import … from`, `import '…'`, `export … from`, `import('…')`, `require('…')`,
 * and TypeScript's `import('…')` types and `import x = require('…')`. Type-only imports count: they
 * tie the modules together as much as any other.
 */
function specifiersOf(file: string, source: string): string[] {
  const { program, errors } = parseSync(file, source);
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors.map((e) => e.message).join('; ')}`);
  const found: string[] = [];
  const literal = (node: unknown) => {
    const { type, value } = (node ?? {}) as { type?: string; value?: unknown };
    if (type === 'Literal' && typeof value === 'string') found.push(value);
  };
  const pending: unknown[] = [program];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const fields = node as Record<string, unknown> & { callee?: { type?: string; name?: string } };
    if (IMPORTING.has(fields.type as string)) literal(fields.source);
    if (fields.type === 'TSExternalModuleReference') literal(fields.expression);
    if (fields.type === 'CallExpression' && fields.callee?.type === 'Identifier' && fields.callee.name === 'require') {
      literal((fields.arguments as unknown[])[0]);
    }
    pending.push(...Object.values(fields));
  }
  return found;
}

/** The file a relative or `@/` specifier names, undefined for a package; throws when it names nothing. */
function resolveImport(root: string, from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('./') || specifier.startsWith('../'))
    base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  const file = candidates.find(isFile);
  if (!file) throw new Error(`${path.relative(root, from)}: "${specifier}" names no file`);
  return file;
}

/** Each source file below `root` and the source files it imports, all as paths relative to `root`. */
function importGraph(root: string): Map<string, string[]> {
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiersOf(file, readFileSync(file, 'utf8'))
      .map((specifier) => resolveImport(root, file, specifier))
      .filter((target): target is string => target !== undefined && known.has(target));
    graph.set(
      path.relative(root, file),
      [...new Set(targets)].map((target) => path.relative(root, target)),
    );
  }
  return graph;
}

/**
 * The cycles of a graph: Tarjan's strongly connected components of more than one node, and nodes
 * with an edge to themselves, each sorted, by their first node. Iterative, so no length of import chain can overflow the stack.
 */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort());
    }
  }
  return cycles.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('imports', () => {
  it('form no cycle anywhere in the project', () => {
    const graph = importGraph(projectRoot);
    // The scan sees the project: a broken walk or parse would find no cycle in nothing.
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('lib/content/index.ts')).toContain('lib/content/memo.ts');
    expect(cyclesIn(graph)).toEqual([]);
  });

  describe('the check', () => {
    let root: string;
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };

    it('reports a cycle through every kind of import, and only the modules on it', () => {
      root = mkdtempSync(path.join(tmpdir(), 'inkwell-cycles-'));
      write('lib/a.ts', "import type { B } from './b';\nexport type A = B;\n");
      write('lib/b/index.ts', "export { c } from '@/lib/c';\nexport type B = string;\n");
      write('lib/c.mjs', "export const c = () => import('./d.js');\n");
      write('lib/d.js', "const { a } = require('./a');\nmodule.exports = a;\n");
      write('lib/self.tsx', "import './self';\nimport 'react';\nexport const Self = () => <p>it's</p>;\n");
      write('lib/leaf.ts', "import { c } from './c.mjs';\nexport default c;\n");
      write('tests/fixtures/x.ts', "import './y';\n");
      write('tests/fixtures/y.ts', "import './x';\n");
      expect(cyclesIn(importGraph(root))).toEqual([
        ['lib/a.ts', 'lib/b/index.ts', 'lib/c.mjs', 'lib/d.js'],
        ['lib/self.tsx'],
      ]);
    });

    it('finds none where the imports only go one way', () => {
      root = mkdtempSync(path.join(tmpdir(), 'inkwell-cycles-'));
      write('lib/a.ts', "import { b } from './b';\nexport const a = b;\n");
      write('lib/b.ts', "import { c } from '@/lib/c';\nexport const b = c;\n");
      write('lib/c.ts', 'export const c = 1;\n');
      expect(cyclesIn(importGraph(root))).toEqual([]);
    });

    it('refuses an import that names no file, rather than miss the cycle through it', () => {
      root = mkdtempSync(path.join(tmpdir(), 'inkwell-cycles-'));
      write('lib/a.ts', "import { gone } from './gone';\nexport const a = gone;\n");
      expect(() => importGraph(root)).toThrow(/lib\/a\.ts: "\.\/gone" names no file/);
    });
  });
});
