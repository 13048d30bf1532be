// @ts-check
// Shared by the tests, the audit and the benchmark: Debian's Chromium and waiting for local servers.
import { readSettings } from '../lib/settings.mjs';

export const chromiumPath = readSettings().chromiumPath;

/** Headless, and quiet: this machine's network is closed, so no background connections. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Resolves once `url` answers; rejects after `timeoutMs` or when `child` exits first.
 * @param {string} url
 * @param {{ child?: import('node:child_process').ChildProcess, timeoutMs?: number }} [options]
 */
export async function waitFor(url, { child, timeoutMs = 30_000 } = {}) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}
