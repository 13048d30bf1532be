// A process with a live set, then garbage that outlives young collections, as a server's requests in
// flight do: prints its largest heap over what was live. `bound`: with lib/server/heap.mjs's bound.
import { boundHeapGrowth } from '../../lib/server/heap.mjs';

if (process.argv.includes('bound')) boundHeapGrowth();
const live = Array.from({ length: 80 }, () => new Array(1e5).fill(0).map((_, i) => i + 0.5));
const inFlight = [];
globalThis.gc?.();
const base = process.memoryUsage().heapUsed;
let peak = 0;
for (let round = 0; round < 1500; round++) {
  inFlight.push(Array.from({ length: 2e4 }, (_, i) => ({ i, s: `x${i}` })));
  if (inFlight.length > 30) inFlight.shift();
  if (round % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(JSON.stringify({ live: live.length, ratio: peak / base }));
