// Article files in a temporary folder, for tests that need a body: the index holds none, and pages,
// feeds and search read it from the file (articleBody). The folder goes when the test file is done.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A file the loader accepts whose body is exactly `body`. */
export const articleSource = (body: string) => `---\ntitle: T\ndate: '2026-01-01'\n---\n${body}`;

/**
 * A writer of files below a new temporary folder, removed after the test file's tests: each call writes
 * `source` at `content/<name>` in a folder of its own (so names may repeat) and returns its absolute path.
 */
export function articleFiles(): (name: string, source: string) => string {
  const root = mkdtempSync(path.join(tmpdir(), 'inkwell-bodies-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  return (name, source) => {
    const file = path.join(root, String(count++), 'content', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, source);
    return file;
  };
}
