// Real processes for tests of the build scripts: started, watched and, whatever a test's outcome, stopped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';

export type Ended = { code: number | null; signal: NodeJS.Signals | null };

/**
 * Processes started by the current test. Each leads a process group of its own, which the processes it
 * starts join, so that all go after the test even where a leader died first and left them orphans.
 */
const started = new Set<number>();
afterEach(() => {
  for (const pid of started) killGroup(pid);
  started.clear();
});

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
}

/** A process started as `node ...args`, its output kept, and the promise of its end. */
export function node(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const env = { ...process.env, ...options.env };
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, detached: true });
  if (child.pid !== undefined) started.add(child.pid);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (data) => (output.stdout += data));
  child.stderr.on('data', (data) => (output.stderr += data));
  const ended = new Promise<Ended>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, output, ended, pid: child.pid as number };
}

/** The processes a process started, and theirs. */
export function descendants(pid: number): number[] {
  const children = childrenOf(pid);
  return [...children, ...children.flatMap(descendants)];
}

export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    // ps exits 1 when there are none.
    return [];
  }
}

/** A process's command line, its arguments joined by spaces; '' for one gone. */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Whether a process runs. A zombie does not: nothing may reap the orphans in a container. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The first truthy value of `check`, tried every 20 ms; throws after `ms`. */
export async function until<T>(check: () => T, ms: number, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The id of a process that has ended. */
export async function deadPid(): Promise<number> {
  const { ended, pid } = node(['-e', ''], { cwd: process.cwd() });
  await ended;
  return pid;
}

/** Waits for a process to end, killing it after `ms` (a hang is a failure, not a stuck test run). */
export async function endedWithin(run: { ended: Promise<Ended>; child: ChildProcess }, ms: number): Promise<Ended> {
  const timer = setTimeout(() => killGroup(run.child.pid as number), ms);
  const ended = await run.ended;
  clearTimeout(timer);
  if (ended.signal === 'SIGKILL') throw new Error(`did not end within ${ms} ms`);
  return ended;
}
