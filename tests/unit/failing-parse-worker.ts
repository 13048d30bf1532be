// A parse worker that fails, for tests/unit/parse-workers.test.ts: it parses as lib/content/parse-worker.ts
// does, but throws on a chunk with a file named `throws-*` and exits on one with a file named `exits-*`.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { fileStamp } from '../../lib/content/files';
import { readArticleFile } from '../../lib/content/parse';

parentPort?.on('message', (files: string[]) => {
  const names = files.map((file) => path.basename(file));
  if (names.some((name) => name.startsWith('throws-'))) throw new Error('a parser bug');
  if (names.some((name) => name.startsWith('exits-'))) process.exit(3);
  parentPort?.postMessage(files.map((file) => ({ stamp: fileStamp(file), result: readArticleFile(file) })));
});
