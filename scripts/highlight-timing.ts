// How long lib/highlight.ts takes on the worst bodies its LIMITS let through: hostile text in every
// grammar, in lines of several lengths up to LIMITS.lineChars, as blocks of up to LIMITS.blockChars
// until the body's LIMITS.bodyCost is spent. Not a test (timings depend on the machine):
//   npx tsx scripts/highlight-timing.ts [grammar…] [--top=N]
// Every (grammar, text, line length) is first timed on an eighth of the budget; the N slowest
// (default 12) are then timed as whole bodies at the full budget, and printed with what they hold.
import type { Element, Root } from 'hast';
import { blockCost, highlightTree, LANGUAGES, LIMITS } from '../lib/highlight';

const topArg = process.argv.find((a) => a.startsWith('--top='));
const TOP = topArg ? Number(topArg.split('=')[1]) : 12;
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const grammars = named.length > 0 ? named : [...new Set(Object.values(LANGUAGES))];

/** Line lengths tried: the longest tokenised, and shorter ones (more lines for the same cost). */
const LINES = [LIMITS.lineChars - 1, 250, 60];

/** `unit` repeated to lines of `line` characters. */
const row = (unit: string, line: number) => unit.repeat(Math.ceil(line / unit.length)).slice(0, line);

let seed = 1;
const random = (alphabet: string, line: number) =>
  Array.from({ length: line }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return alphabet[Math.floor((seed / 2 ** 31) * alphabet.length)];
  }).join('');
const nested = (open: string, close: string) => (line: number) => {
  const half = Math.floor(line / 2 / open.length);
  return (open.repeat(half) + close.repeat(half)).slice(0, line);
};
const repeated = (unit: string) => (line: number) => row(unit, line);

/** Each hostile text as a maker of one line of a given length. */
const CASES: Record<string, (line: number) => string> = {
  'nested ()': nested('(', ')'),
  'nested []': nested('[', ']'),
  'nested {}': nested('{', '}'),
  'nested <>': nested('<', '>'),
  'nested ${': nested('${', '}'),
  'nested $(': nested('$(', ')'),
  'open (': repeated('('),
  'open {': repeated('{'),
  'open <a ': repeated('<a '),
  'open "': repeated('"'),
  "open '": repeated("'"),
  'open `': repeated('`'),
  'open /*': repeated('/*'),
  backslashes: repeated('\\'),
  'quote escapes': repeated('"\\"'),
  stars: repeated('*'),
  underscores: repeated('_'),
  hashes: repeated('#'),
  dashes: repeated('-'),
  colons: repeated(':'),
  words: repeated('a'),
  'a.b.c': repeated('a.'),
  digits: repeated('1'),
  'e+ numbers': repeated('1e+1.'),
  spaces: repeated(' '),
  tabs: repeated('\t'),
  'space-word': repeated(' a'),
  'html entities': repeated('&a;'),
  'tag soup': repeated('<a b="c" d=\'e\' f=g>'),
  heredoc: repeated('<<EOF '),
  'regex-ish': repeated('/a/ '),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text.
  template: repeated('`${a}`'),
  'yaml-ish': repeated('- a: [b, {c: d}] '),
  'markdown-ish': repeated('*_[`a`](b)_* '),
  'random punctuation': (line) => random('()[]{}<>"\'`\\/*+-=!?:;,.#$@%^&|~ \t', line),
  'random code': (line) => random('abcdefxyz0123456789 ()[]{}<>"\'\\/*=+-.,:;#$', line),
};
/** Texts whose lines are short by nature, tried once each. */
const SHORT: Record<string, string> = {
  'lines of a(': 'a(',
  'lines of {': '{',
  'lines of x': 'x',
  'empty lines': '',
};

const pre = (grammar: string, code: string): Element => ({
  type: 'element',
  tagName: 'pre',
  properties: {},
  children: [
    {
      type: 'element',
      tagName: 'code',
      properties: { className: [`language-${grammar}`] },
      children: [{ type: 'text', value: code }],
    },
  ],
});

/** A body of blocks of `line`, each at most blockChars, together costing at most `budget`. */
function body(grammar: string, line: string, budget: number): { tree: Root; chars: number } {
  const lineCost = blockCost(`${line}\n`, grammar) - blockCost('', grammar);
  const perBlock = Math.min(Math.floor(LIMITS.blockChars / (line.length + 1)), Math.floor(budget / lineCost));
  const blocks: Element[] = [];
  let chars = 0;
  for (let left = budget; blocks.length < LIMITS.blocks; ) {
    const lines = Math.min(perBlock, Math.floor((left - blockCost('', grammar)) / lineCost));
    if (lines < 1) break;
    const code = `${line}\n`.repeat(lines);
    left -= blockCost(code, grammar);
    chars += code.length;
    blocks.push(pre(grammar, code));
  }
  return { tree: { type: 'root', children: blocks }, chars };
}

type Result = { grammar: string; name: string; line: string; ms: number; blocks: number; highlighted: number };

function time(grammar: string, name: string, line: string, budget: number): Result & { chars: number } {
  const { tree, chars } = body(grammar, line, budget);
  const started = performance.now();
  const highlighted = highlightTree(tree);
  const ms = performance.now() - started;
  return { grammar, name, line, ms, chars, blocks: tree.children.length, highlighted };
}

// The safety net's warnings are counted, not printed.
let outOfTime = 0;
console.warn = () => {
  outOfTime++;
};

const started = performance.now();
const screened: Result[] = [];
for (const grammar of grammars) {
  const first = time(grammar, 'first block', 'x = 1', blockCost('x = 1\n', grammar)).ms;
  let slowest: Result | undefined;
  const tries = [
    ...Object.entries(CASES).flatMap(([name, make]) => LINES.map((n) => [`${name} ×${n}`, make(n)])),
    ...Object.entries(SHORT),
  ];
  for (const [name, line] of tries) {
    const result = time(grammar, name, line, LIMITS.bodyCost / 8);
    screened.push(result);
    if (!slowest || result.ms > slowest.ms) slowest = result;
  }
  console.log(
    `${grammar.padEnd(12)} first block ${first.toFixed(0).padStart(5)} ms   slowest eighth-budget body ${slowest?.ms.toFixed(0).padStart(5)} ms (${slowest?.name})`,
  );
}
screened.sort((a, b) => b.ms - a.ms);
console.log(
  `\n${screened.length} bodies screened in ${((performance.now() - started) / 1000).toFixed(0)} s; the ${TOP} slowest at the full budget (bodyCost ${LIMITS.bodyCost}):`,
);
const full = screened
  .slice(0, TOP)
  .map((r) => time(r.grammar, r.name, r.line, LIMITS.bodyCost))
  .sort((a, b) => b.ms - a.ms);
console.log(`(${outOfTime} bodies met LIMITS.bodyMs = ${LIMITS.bodyMs} ms in all)`);
for (const r of full) {
  const plain = r.blocks - r.highlighted;
  console.log(
    `  ${r.ms.toFixed(0).padStart(6)} ms  ${r.grammar} / ${r.name}: ${r.blocks} block(s), ${r.chars} characters${plain ? `, ${plain} left plain (nesting or bodyMs)` : ''}`,
  );
}
