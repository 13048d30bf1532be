import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '@/lib/files.mjs';
import { LOCAL_URL, readSettings, SettingsError, variables } from '@/lib/settings.mjs';

const root = path.resolve(__dirname, '../..');

describe('the settings module', () => {
  it('gives every setting its default when nothing is set', () => {
    expect(readSettings({})).toMatchObject({
      contentDir: 'content',
      siteUrl: LOCAL_URL,
      siteUrlGiven: false,
      port: 3000,
      hostname: undefined,
      prerenderNewest: 1000,
      revalidateSeconds: 60,
      redisUrl: undefined,
      buildId: undefined,
      staticExport: false,
      checkListLimit: 20,
      chromiumPath: '/usr/bin/chromium',
      contentMode: 'build',
    });
  });

  it('reads what is set, trimmed; blank is unset', () => {
    const settings = readSettings({
      CONTENT_DIR: ' ../news ',
      SITE_URL: 'https://news.example.org/',
      PORT: '8080',
      PRERENDER_NEWEST: 'ALL',
      REVALIDATE_SECONDS: '5',
      REDIS_URL: 'redis://127.0.0.1:6379',
      BUILD_ID: 'abc-1.2',
      STATIC_EXPORT: '1',
      HOSTNAME: ' ',
    });
    expect(settings).toMatchObject({
      contentDir: '../news',
      siteUrl: 'https://news.example.org',
      siteUrlGiven: true,
      port: 8080,
      hostname: undefined,
      prerenderNewest: Number.POSITIVE_INFINITY,
      revalidateSeconds: 5,
      redisUrl: 'redis://127.0.0.1:6379',
      buildId: 'abc-1.2',
      staticExport: true,
    });
    expect(readSettings({ STATIC_EXPORT: '0' }).staticExport).toBe(false);
    expect(readSettings({ STATIC_EXPORT: '1', PRERENDER_NEWEST: '5' }).prerenderNewest).toBe(Number.POSITIVE_INFINITY);
  });

  it('knows which host it is in', () => {
    expect(readSettings({ NODE_ENV: 'development' }).contentMode).toBe('dev');
    expect(readSettings({ NODE_ENV: 'production', INKWELL_LIVE_CONTENT: '1' }).contentMode).toBe('live');
    expect(readSettings({ NODE_ENV: 'production' }).contentMode).toBe('build');
    // `npm start` is the Node host whatever NODE_ENV says; only it declares itself.
    expect(readSettings({ NODE_ENV: 'development', INKWELL_LIVE_CONTENT: '1' })).toMatchObject({
      contentMode: 'live',
      nodeHost: true,
    });
    expect(readSettings({ NODE_ENV: 'development' }).nodeHost).toBe(false);
  });

  it('refuses a bad value with one message per variable, naming it and the value', () => {
    const bad = {
      SITE_URL: 'example.org',
      PORT: '99999',
      PRERENDER_NEWEST: 'newest',
      REVALIDATE_SECONDS: '0',
      REDIS_URL: 'http://cache',
      BUILD_ID: 'a/b',
      CHECK_LIST_LIMIT: '-1',
    };
    let error: unknown;
    try {
      readSettings(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual([
      'SITE_URL must be an http or https origin, not "example.org"',
      'PORT must be a port number, not "99999"',
      'PRERENDER_NEWEST must be a number of articles or "all", not "newest"',
      'REVALIDATE_SECONDS must be a whole number of seconds, at least 1, not "0"',
      'REDIS_URL must be a redis:// or rediss:// URL, not "http://cache"',
      'BUILD_ID must be 1 to 128 letters, digits, dots, dashes or underscores, not "a/b"',
      'CHECK_LIST_LIMIT must be a whole number, not "-1"',
    ]);
  });

  it('follows the environment as it changes, so a test or a host can set a variable late', () => {
    const env: Record<string, string | undefined> = { CONTENT_DIR: 'a' };
    expect(readSettings(env).contentDir).toBe('a');
    env.CONTENT_DIR = 'b';
    expect(readSettings(env).contentDir).toBe('b');
  });
});

describe('settings are read in one place', () => {
  it("matches the README's configuration table, row for row", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| variable')));
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .slice(1, -1)
          .split(' | ')
          .map((cell) => cell.trim()),
      );
    const expected = variables.filter((v) => !v.internal).map((v) => [`\`${v.name}\``, v.default, v.meaning]);
    expect(rows).toEqual(expected);
  });

  it('is the only code that reads process.env', () => {
    const sources = ['app', 'components', 'lib', 'scripts', 'tests/bench', 'tests/audit']
      .flatMap((dir) => filesUnder(path.join(root, dir)))
      .concat(['next.config.js', 'instrumentation.ts', 'tests/chromium.mjs'].map((f) => path.join(root, f)))
      .filter((file) => /\.(ts|tsx|mts|mjs|js)$/.test(file) && !file.endsWith(path.join('lib', 'settings.mjs')));
    // A read names a variable; handing the whole environment to a child process (`...process.env`) is not
    // one, nor is PATH, which is the system's, nor NEXT_RUNTIME, which Next writes into each bundle of
    // instrumentation.ts as a constant (the Edge bundle then drops the Node-only import).
    const reads = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/process\.env(\.(?!PATH\b|NEXT_RUNTIME\b)\w+|\[)/g)].map(
        (m) => `${path.relative(root, file)}: ${m[0]}`,
      ),
    );
    expect(reads).toEqual([]);
  });
});
