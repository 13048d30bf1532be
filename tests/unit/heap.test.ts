// The server's bound on heap growth (lib/server/heap.mjs), in real processes: V8's own factor lets a
// heap with a steady live set grow to several times it; bounded, it stays near it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHURN = path.join(import.meta.dirname, 'heap-churn.mjs');
/** The churning process's largest heap over what was live, run with `flags` and `args`. */
function peakOverLive(flags: string[], ...args: string[]): number {
  const output = execFileSync(process.execPath, ['--expose-gc', ...flags, CHURN, ...args], { encoding: 'utf8' });
  return (JSON.parse(output) as { ratio: number }).ratio;
}

describe('boundHeapGrowth', () => {
  it('keeps the heap within a few times what is live where V8 alone lets it grow further', () => {
    // Measured on Node 20: ~3.2 bounded, ~7.8 without.
    expect(peakOverLive([], 'bound')).toBeLessThan(5);
    expect(peakOverLive([])).toBeGreaterThan(5);
  }, 60_000);

  it('leaves a bound the process was started with', () => {
    expect(peakOverLive(['--heap-growing-percent=1000'], 'bound')).toBeGreaterThan(5);
  }, 60_000);
});
