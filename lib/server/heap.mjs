// @ts-check
// How far V8 lets the server's heap grow past what its last full collection left live. V8 picks that
// factor itself, up to 4× for a heap that collects quickly, and under load on cached pages the garbage
// that outlives two young collections (requests in flight) then piles up to four times the content
// index before anything collects it: 1.2 GB at 100,000 articles where 0.4 GB is live. At 1.5× the same
// load leaves the server at ~0.7 GB, as fast (docs/performance.md).
import v8 from 'node:v8';

const FLAG = '--heap-growing-percent';
const HEAP_GROWING_PERCENT = 50;

/** Bounds the heap's growth, unless the process was started with a bound of its own. */
export function boundHeapGrowth(execArgv = process.execArgv) {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return;
  // A heuristic V8 reads at every full collection, so it holds from now on.
  v8.setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
