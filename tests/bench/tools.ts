// `npm run bench -- --tools [--n 100000] [--repeat 3] [--tools-only content:check,loader,search:index,verify:export]`:
// is every tool linear? Each runs as a child process on the corpus of n and of n/10 (generated once in
// .bench/corpus-N and reused), timed, with its peak RSS (the largest process of its tree, and the tree's
// sum), and the table says how many times longer it took at n: linear is at most 10×. The bar is ≤ 10×
// and ≤ 1 GB. With --repeat K, K rounds of every tool at both sizes in turn, and the median time of each.
//   content:check  `tsx scripts/content-check.ts DIR`, the whole check with its warnings
//   loader         loadContent alone in a fresh process (`tsx -e`), printing the count
//   search:index   `tsx scripts/search-index.mts FOLDER`, cold (a build's kept shards set aside): it
//                  reads the content, not the pages, so it needs no build; the build runs it beside
//                  `next build`
//   verify:export  `tsx scripts/verify-export.ts OUT DIR`: it needs the export of that corpus, so the
//                  static build is run first (cold, timed and listed as build:static) and its out/ kept in
//                  .bench/export-N for the next run on the same corpus
// Prints numbers, asserts nothing.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCorpus } from './corpus';

export type Run = (
  command: string,
  argv: string[],
  extraEnv?: Record<string, string>,
  cwd?: string,
  allowFailure?: boolean,
) => Promise<{
  seconds: number;
  peak: { rss: number; command: string; treeRss: number };
  output: string;
  code: number;
}>;

export const TOOLS = ['content:check', 'loader', 'search:index', 'verify:export'] as const;
type Tool = (typeof TOOLS)[number] | 'build:static';

interface Measure {
  seconds: number;
  /** What the tool says it took inside its process, when it says. */
  ownSeconds?: number;
  peakRssMB: number;
  peakCommand: string;
  treeRssMB: number;
  ok: boolean;
  note: string;
}

const LOADER = [
  "import { loadContent } from './lib/content';",
  "import { readSettings } from './lib/settings.mjs';",
  'const t = performance.now();',
  'const { index, problems } = loadContent(readSettings().contentDir);',
  'const s = (performance.now() - t) / 1000;',
  'const heap = process.memoryUsage().heapUsed / 1048576;',
  "console.log('loader:', index.articles.length, 'articles,', problems.length, 'problems in', s.toFixed(2), 's, heap', heap.toFixed(0), 'MB');",
].join(' ');

export async function toolsBench({
  root,
  n,
  run,
  only,
  repeat = 1,
}: {
  root: string;
  n: number;
  run: Run;
  only?: string[];
  repeat?: number;
}) {
  const chosen = TOOLS.filter((tool) => !only || only.includes(tool));
  const unknown = (only ?? []).filter((name) => !(TOOLS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`--tools-only: no tool ${unknown.join(', ')} (there are ${TOOLS.join(', ')})`);
  const sizes = [Math.round(n / 10), n];
  const bin = { PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
  const samples: Record<number, Partial<Record<Tool, Measure[]>>> = {};
  const exports: Record<number, string> = {};

  const corpora = sizes.map((size) => {
    const dir = path.join(root, '.bench', `corpus-${size}`);
    const t = performance.now();
    const corpus = ensureCorpus(dir, size);
    console.log(
      corpus.reused
        ? `corpus of ${size}: reused ${path.relative(root, dir)} (stamped ${corpus.generated})`
        : `corpus of ${size}: generated in ${path.relative(root, dir)} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    samples[size] = {};
    return { size, dir, generated: corpus.generated };
  });

  const measure = async (size: number, dir: string, tool: Tool, command: string, argv: string[], own?: RegExp) => {
    const r = await run(command, argv, { ...bin, CONTENT_DIR: dir }, root, true);
    const ownSeconds = own ? Number(r.output.match(own)?.[1] ?? Number.NaN) : undefined;
    const failed = r.code !== 0 ? r.output.trim().split('\n').slice(-3).join(' / ') : '';
    const m: Measure = {
      seconds: r.seconds,
      ownSeconds,
      peakRssMB: r.peak.rss / 1024,
      peakCommand: r.peak.command,
      treeRssMB: r.peak.treeRss / 1024,
      ok: r.code === 0,
      note: failed ? `exit ${r.code}: ${failed.slice(0, 300)}` : '',
    };
    const list = samples[size][tool] ?? [];
    list.push(m);
    samples[size][tool] = list;
    console.log(
      `  ${size} ${tool.padEnd(14)} ${m.seconds.toFixed(1)} s${ownSeconds !== undefined ? ` (${ownSeconds.toFixed(2)} s in-process)` : ''}, peak ${m.peakRssMB.toFixed(0)} MB (${m.peakCommand}; tree ${m.treeRssMB.toFixed(0)} MB)${m.ok ? '' : ` FAILED ${m.note}`}`,
    );
    return r;
  };

  // The exports first, once each: a build is the longest step by far, and verify:export only reads one.
  if (chosen.includes('verify:export')) {
    for (const { size, dir, generated } of corpora) {
      exports[size] = await exportOf(root, dir, size, generated, (tool, command, argv) =>
        measure(size, dir, tool, command, argv),
      );
    }
  }
  // Round after round, each size in turn, so that what else the machine is doing falls on both.
  for (let round = 1; round <= repeat; round++) {
    if (repeat > 1) console.log(`round ${round} of ${repeat}`);
    for (const { size, dir } of corpora) {
      if (chosen.includes('content:check')) {
        const own = /^Checked \d+ files in .* in ([\d.]+) s$/m;
        await measure(size, dir, 'content:check', 'tsx', ['scripts/content-check.ts', dir], own);
      }
      if (chosen.includes('loader')) {
        await measure(size, dir, 'loader', 'tsx', ['-e', LOADER], /^loader: .* in ([\d.]+) s/m);
      }
      if (chosen.includes('search:index')) {
        const folder = path.join(root, '.bench', `pagefind-${size}`);
        rmSync(folder, { recursive: true, force: true });
        const own = /indexed into .* in ([\d.]+) s \(/m;
        // Cold: the shards a build kept are set aside for the run, and put back after it.
        const kept = path.join(root, '.next', 'cache', 'search-shards');
        const aside = path.join(root, '.bench', 'search-shards-kept');
        rmSync(aside, { recursive: true, force: true });
        if (existsSync(kept)) renameSync(kept, aside);
        try {
          await measure(size, dir, 'search:index', 'tsx', ['scripts/search-index.mts', folder], own);
        } finally {
          rmSync(folder, { recursive: true, force: true });
          rmSync(kept, { recursive: true, force: true });
          if (existsSync(aside)) renameSync(aside, kept);
        }
      }
      if (chosen.includes('verify:export')) {
        await measure(size, dir, 'verify:export', 'tsx', ['scripts/verify-export.ts', exports[size], dir]);
      }
    }
  }

  // The median time of the rounds, the largest memory of any.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  const results: Record<number, Partial<Record<Tool, Measure>>> = {};
  for (const size of sizes) {
    results[size] = {};
    for (const [tool, list] of Object.entries(samples[size]) as [Tool, Measure[]][]) {
      const own = list.map((m) => m.ownSeconds).filter((v): v is number => v !== undefined && !Number.isNaN(v));
      const largest = list.reduce((a, b) => (b.peakRssMB > a.peakRssMB ? b : a));
      results[size][tool] = {
        seconds: median(list.map((m) => m.seconds)),
        ownSeconds: own.length ? median(own) : undefined,
        peakRssMB: largest.peakRssMB,
        peakCommand: largest.peakCommand,
        treeRssMB: Math.max(...list.map((m) => m.treeRssMB)),
        ok: list.every((m) => m.ok),
        note: list.map((m) => m.note).find(Boolean) ?? '',
      };
    }
  }

  const [small, large] = sizes;
  const rows: Tool[] = [...chosen, ...(results[large]['build:static'] ? ['build:static' as const] : [])];
  const cell = (m?: Measure) => (m ? `${m.seconds.toFixed(1)} s${m.ok ? '' : ' (failed)'}` : '—');
  const lines = rows.map((tool) => {
    const a = results[small][tool];
    const b = results[large][tool];
    const ratio = a && b ? b.seconds / a.seconds : Number.NaN;
    const ownRatio = a?.ownSeconds && b?.ownSeconds ? b.ownSeconds / a.ownSeconds : Number.NaN;
    const peak = b ? b.peakRssMB : Number.NaN;
    // Held to the stricter ratio: the process's includes its start-up, the in-process one does not.
    const worst = Number.isNaN(ownRatio) ? ratio : Math.max(ratio, ownRatio);
    const verdict = !(worst <= 10) ? 'over 10×' : !(peak <= 1024) ? 'over 1 GB' : 'ok';
    return [
      tool,
      cell(a),
      cell(b),
      Number.isNaN(ratio) ? '—' : `${ratio.toFixed(1)}×`,
      Number.isNaN(ownRatio) ? '—' : `${ownRatio.toFixed(1)}×`,
      a ? `${a.peakRssMB.toFixed(0)} MB` : '—',
      b ? `${b.peakRssMB.toFixed(0)} MB (${b.peakCommand})` : '—',
      b ? `${b.treeRssMB.toFixed(0)} MB` : '—',
      tool === 'build:static' ? '(for verify:export)' : verdict,
    ];
  });
  const head = [
    'tool',
    `time at ${small}`,
    `time at ${large}`,
    'ratio',
    'in-process ratio',
    `peak RSS at ${small}`,
    `peak RSS at ${large}`,
    'tree RSS',
    '≤ 10×, ≤ 1 GB',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  console.log(
    `\nTools at ${small} and ${large} articles (each a child process${repeat > 1 ? `; median of ${repeat} rounds` : ''}; peak RSS is its largest process, tree RSS the sum of its processes)`,
  );
  console.log(row(head));
  for (const l of lines) console.log(row(l));
  return { tools: { sizes, repeat, results, samples, exports } };
}

/**
 * The static export of the corpus in `dir`, in .bench/export-N: kept from an earlier run when it was built
 * from this same corpus (its stamp's time), else built cold with `npm run build:static` and moved there.
 */
async function exportOf(
  root: string,
  dir: string,
  size: number,
  generated: string,
  measure: (tool: Tool, command: string, argv: string[]) => ReturnType<Run>,
) {
  const kept = path.join(root, '.bench', `export-${size}`);
  const stampFile = path.join(kept, '.bench-export.json');
  const stamp = { corpus: path.relative(root, dir), generated };
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) {
    console.log(`  ${size} build:static   reused ${path.relative(root, kept)}`);
    return kept;
  }
  rmSync(path.join(root, '.next'), { recursive: true, force: true });
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  rmSync(kept, { recursive: true, force: true });
  const build = await measure('build:static', 'npm', ['run', 'build:static']);
  if (build.code !== 0) throw new Error(`npm run build:static on ${dir} failed:\n${build.output.slice(-3000)}`);
  const line = build.output.match(/^export: (.*)$/m)?.[1];
  if (line) console.log(`  ${size} export         ${line}`);
  renameSync(path.join(root, 'out'), kept);
  writeFileSync(stampFile, JSON.stringify(stamp));
  return kept;
}
