// @ts-check
// Loaded into the Node host by the bench (`node --import ./tests/bench/loop-delay.mjs lib/server/server.mjs`):
// the server's event-loop delay, measured inside it with perf_hooks.monitorEventLoopDelay. On SIGUSR2 it
// writes the delays since the last signal (ms) and its RSS to <tmpdir>/inkwell-loop-<pid>.json, and starts
// a new window. Never loaded in production.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (/** @type {number} */ ns) => Math.round(ns / 1e4) / 100;
process.on('SIGUSR2', () => {
  const window = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  writeFileSync(path.join(tmpdir(), `inkwell-loop-${process.pid}.json`), JSON.stringify(window));
  histogram.reset();
});
