import { execFileSync } from 'node:child_process';

/** Whether Python's feedparser is there to read feeds as readers do (Debian's python3-feedparser). */
export const hasFeedparser = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import feedparser'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
