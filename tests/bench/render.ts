// `npm run bench -- --render`: what an article body costs to render, and what highlighting and the
// outline add: a sample of the corpus's bodies through renderMarkdown (sanitised, nothing else) and
// renderArticleBody (plus highlighted code, anchors and contents), as they are and with three fenced
// blocks (TypeScript, shell, JSON; 60 lines) added to each, since a corpus of news has little code.
// Per body and projected to the whole corpus. Prints numbers, asserts nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../lib/content';
import { readFrontMatterBlock } from '../../lib/front-matter';
import { highlighterCreationCount } from '../../lib/highlight';
import { renderArticleBody, renderMarkdown } from '../../lib/markdown';

const SAMPLE = 2000;

const CODE = [
  '```ts',
  ...Array.from(
    { length: 20 },
    (_, i) => `export const value${i} = await fetch(\`/api/items/${i}\`).then((r) => r.json());`,
  ),
  '```',
  '',
  '```bash',
  ...Array.from({ length: 20 }, (_, i) => `curl -sS "https://example.com/items/${i}" | jq '.name' > "out-${i}.txt"`),
  '```',
  '',
  '```json',
  '{',
  ...Array.from({ length: 18 }, (_, i) => `  "key${i}": { "id": ${i}, "tags": ["a", "b"], "ok": true },`),
  '  "last": null',
  '}',
  '```',
].join('\n');

function timed(bodies: string[], render: (body: string) => string) {
  const times: number[] = [];
  for (const body of bodies) {
    const t = performance.now();
    render(body);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return { meanMs: total / times.length, p99Ms: times[Math.floor(times.length * 0.99)] ?? 0 };
}

export function renderBench(root: string, articles: Article[]) {
  const step = Math.max(1, Math.floor(articles.length / SAMPLE));
  const bodies = articles
    .filter((_, i) => i % step === 0)
    .slice(0, SAMPLE)
    .map((a) => readFrontMatterBlock(readFileSync(path.resolve(root, a.file), 'utf8')).body);
  const withFences = bodies.filter((b) => /^\s*(```|~~~)/m.test(b)).length;
  const withCode = bodies.map((b) => `${b}\n\n${CODE}\n`);
  // The highlighter loads once per process, on the first body with code: timed on its own.
  const t = performance.now();
  renderArticleBody(CODE);
  const loadMs = performance.now() - t;
  // Both pipelines warmed on the same bodies first, so that neither row pays for the JIT.
  for (const body of bodies.slice(0, 200)) renderMarkdown(body) && renderArticleBody(body);
  const rows = {
    'as they are, sanitised only': timed(bodies, renderMarkdown),
    'as they are, article pipeline': timed(bodies, renderArticleBody),
    'with code, sanitised only': timed(withCode, renderMarkdown),
    'with code, article pipeline': timed(withCode, renderArticleBody),
  };
  const corpusSeconds = (ms: number) => ((ms * articles.length) / 1000).toFixed(1);
  console.log(`
Article bodies (${bodies.length} of ${articles.length}, ${withFences} with fenced code; highlighter loaded in ${loadMs.toFixed(0)} ms, created ${highlighterCreationCount()}×)`);
  for (const [name, r] of Object.entries(rows)) {
    console.log(
      `  ${name.padEnd(30)} ${r.meanMs.toFixed(2)} ms a body (p99 ${r.p99Ms.toFixed(1)} ms); ${corpusSeconds(r.meanMs)} s for all ${articles.length}`,
    );
  }
  const plain = rows['as they are, article pipeline'].meanMs - rows['as they are, sanitised only'].meanMs;
  const code = rows['with code, article pipeline'].meanMs - rows['with code, sanitised only'].meanMs;
  console.log(
    `  highlighting + outline adds ${plain.toFixed(2)} ms to a body as it is, ${code.toFixed(2)} ms to one with 60 lines of code (${corpusSeconds(code)} s if every article had them)`,
  );
  return {
    sample: bodies.length,
    withFences,
    highlighterLoadMs: loadMs,
    rows,
    addedMs: { asTheyAre: plain, withCode: code },
  };
}
