// Which static hosts an export is too big for (lib/static-hosts.mjs): each limit at, just over and far
// from it, folders counted only where the host counts them, and the size of a folder in one walk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exceededHosts, exportSize, hostLimitWarning, STATIC_HOSTS } from '@/lib/static-hosts.mjs';

const MiB = 1024 * 1024;
const names = (size: Parameters<typeof exceededHosts>[0]) => exceededHosts(size).map(({ host }) => host.name);

describe('exceededHosts', () => {
  it('finds no host too small for a small export', () => {
    expect(exceededHosts({ files: 3_000, bytes: 30 * MiB, directories: 2_000, largestFileBytes: MiB })).toEqual([]);
    expect(hostLimitWarning({ files: 3_000, bytes: 30 * MiB })).toBeUndefined();
  });

  it("holds Cloudflare's free plan to 20,000 files and paid plans to 100,000: at the limit is within", () => {
    expect(names({ files: 20_000, bytes: 0 })).toEqual([]);
    expect(names({ files: 20_001, bytes: 0 })).toEqual(['Cloudflare Pages (Free)']);
    expect(names({ files: 100_000, bytes: 0 })).toEqual(['Cloudflare Pages (Free)']);
    expect(names({ files: 100_001, bytes: 0 })).toEqual(['Cloudflare Pages (Free)', 'Cloudflare Pages (paid plans)']);
  });

  it('holds Cloudflare to 25 MiB a file', () => {
    expect(names({ files: 10, bytes: 25 * MiB, largestFileBytes: 25 * MiB })).toEqual([]);
    expect(names({ files: 10, bytes: 26 * MiB, largestFileBytes: 25 * MiB + 1 })).toEqual([
      'Cloudflare Pages (Free)',
      'Cloudflare Pages (paid plans)',
    ]);
  });

  it('holds GitHub Pages and GitLab Pages to 1 GB', () => {
    expect(names({ files: 10, bytes: 1_000_000_000 })).toEqual([]);
    expect(names({ files: 10, bytes: 1_000_000_001 })).toEqual(['GitHub Pages', 'GitLab Pages (GitLab.com)']);
  });

  it('counts folders with files for GitLab (200,000 entries), for no other host', () => {
    expect(names({ files: 19_000, bytes: 0, directories: 181_000 })).toEqual([]);
    expect(names({ files: 19_000, bytes: 0, directories: 181_001 })).toEqual(['GitLab Pages (GitLab.com)']);
  });

  it('never finds S3 + a CDN too small, and says what each host is over', () => {
    const all = exceededHosts({ files: 10_000_000, bytes: 1e12, directories: 10_000_000, largestFileBytes: 1e9 });
    expect(all.map(({ host }) => host.name)).toEqual(
      STATIC_HOSTS.filter((h) => h.name !== 'S3 + a CDN').map((h) => h.name),
    );
    expect(all.find(({ host }) => host.name === 'GitLab Pages (GitLab.com)')?.over).toEqual([
      '20,000,000 files and folders > 200,000',
      '1000.00 GB > 1.00 GB',
    ]);
  });

  it('is pure: the same size gives the same answer, and the table is not changed', () => {
    const size = { files: 150_000, bytes: 2e9, directories: 100_000 };
    const before = JSON.stringify(STATIC_HOSTS);
    expect(exceededHosts(size)).toEqual(exceededHosts({ ...size }));
    expect(JSON.stringify(STATIC_HOSTS)).toBe(before);
    expect(Object.isFrozen(STATIC_HOSTS)).toBe(true);
  });

  it("warns naming each host, the export's files and size, and the way out", () => {
    const warning = hostLimitWarning({ files: 60_000, bytes: 500 * MiB, directories: 50_000 }) ?? '';
    expect(warning).toContain('60,000 files, 500.0 MiB');
    expect(warning).toContain('Cloudflare Pages (Free): 60,000 files > 20,000');
    expect(warning).not.toContain('paid plans');
    expect(warning).not.toContain('GitHub');
    expect(warning).toContain('Node host');
  });
});

describe('exportSize', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the files, folders and bytes below a folder and finds its largest file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'inkwell-hosts-'));
    mkdirSync(path.join(dir, 'articles', 'a'), { recursive: true });
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(path.join(dir, 'articles', 'a', 'index.html'), 'y'.repeat(300));
    writeFileSync(path.join(dir, 'articles', 'b.json'), '');
    expect(exportSize(dir)).toEqual({ files: 3, directories: 3, bytes: 310, largestFileBytes: 300 });
  });
});
