// @ts-check
// Every environment variable the site reads, in one place: its default, what it means and the message
// a bad value gets. Everything else reads its settings from here, never from process.env. The README's
// configuration table is `variables` below (tests/unit/settings.test.ts keeps them in step).
//
// Plain JavaScript, so that `npm start` (lib/server/) and next.config.js read the same module as the
// pages Next bundles.
import { z } from 'zod';

export const LOCAL_URL = 'http://localhost:3000';

/**
 * The variables people set, as the README's table shows them; `internal` ones are set by the site's own
 * programs for each other and are not for people to set.
 * @type {{ name: string, default: string, meaning: string, internal?: true }[]}
 */
export const variables = [
  {
    name: 'CONTENT_DIR',
    default: '`content`',
    meaning: 'the content folder, absolute or relative to the project; may be outside it',
  },
  {
    name: 'SITE_URL',
    default: `\`${LOCAL_URL}\``,
    meaning:
      'public origin for the sitemap, robots.txt, feeds, canonical and Open Graph URLs and JSON-LD; a build without it warns',
  },
  {
    name: 'PORT',
    default: '`3000`',
    meaning: 'port of `npm start` (or `npm start -- -p 8080`)',
  },
  {
    name: 'HOSTNAME',
    default: 'every interface',
    meaning: 'interface `npm start` listens on (or `npm start -- -H 127.0.0.1`)',
  },
  {
    name: 'PRERENDER_NEWEST',
    default: '`1000`',
    meaning: 'Node host build: how many of the newest articles are rendered at build time; `all` renders every page',
  },
  {
    name: 'REVALIDATE_SECONDS',
    default: '`60`',
    meaning: 'Node host: how often `npm start` looks at `CONTENT_DIR`; a change reaches every page within this time',
  },
  {
    name: 'REDIS_URL',
    default: 'none',
    meaning:
      'Node host: one Redis cache shared by every instance (`redis://host:6379`); without it, Next’s cache on local disk',
  },
  {
    name: 'BUILD_ID',
    default: 'random per build',
    meaning: 'Node host: names the build, when instances run builds made separately from the same commit and content',
  },
  {
    name: 'STATIC_EXPORT',
    default: 'unset',
    meaning: 'set by `npm run build:static`: the build is a static export in `out/`',
  },
  {
    name: 'CHECK_LIST_LIMIT',
    default: '`20`',
    meaning: '`npm run content:check`: how many files each warning lists',
  },
  {
    name: 'CHROMIUM_PATH',
    default: '`/usr/bin/chromium`',
    meaning: 'the Chromium the tests, the audit and the bench drive',
  },
  {
    name: 'FUZZ_RUNS',
    default: '`60`',
    meaning: 'unit tests: how many hostile inputs each property test tries (`FUZZ_RUNS=2000 npm run test:unit`)',
  },
  {
    name: 'FUZZ_SEED',
    default: 'fixed',
    meaning: 'unit tests: the property tests’ seed, to replay a failure they printed',
  },
  {
    name: 'INKWELL_LIVE_CONTENT',
    default: 'unset',
    meaning: 'set by `npm start`: pages follow the content folder',
    internal: true,
  },
  {
    name: 'INKWELL_REFRESH_TOKEN',
    default: 'unset',
    meaning: 'set by `npm start`: the token its content refresh calls app/api/content with',
    internal: true,
  },
  { name: 'NODE_ENV', default: 'set by Next', meaning: '`development` in `npm run dev`', internal: true },
  { name: 'NEXT_PHASE', default: 'set by Next', meaning: 'what Next is doing: building, serving', internal: true },
];

/** @param {string | undefined} value */
const given = (value) => (value?.trim() ? value.trim() : undefined);

/** A variable's value, trimmed, or undefined when unset or blank. */
const text = z
  .string()
  .optional()
  .transform((value) => given(value));

/**
 * A whole number within bounds, or the default when unset.
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 * @param {string} rule
 */
const whole = (name, fallback, min, max, rule) =>
  text.transform((value, context) => {
    if (value === undefined) return fallback;
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (number >= min && number <= max) return number;
    context.addIssue({ code: 'custom', message: `${name} must be ${rule}, not "${value}"` });
    return z.NEVER;
  });

const schema = z.object({
  CONTENT_DIR: text.transform((value) => value ?? 'content'),
  SITE_URL: text.transform((value, context) => {
    if (value === undefined) return LOCAL_URL;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      context.addIssue({ code: 'custom', message: `SITE_URL must be an http or https origin, not "${value}"` });
      return z.NEVER;
    }
    return value.replace(/\/+$/, '');
  }),
  PORT: whole('PORT', 3000, 0, 65535, 'a port number'),
  HOSTNAME: text,
  PRERENDER_NEWEST: text.transform((value, context) => {
    if (value === undefined) return 1000;
    if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
    if (/^\d+$/.test(value)) return Number(value);
    context.addIssue({
      code: 'custom',
      message: `PRERENDER_NEWEST must be a number of articles or "all", not "${value}"`,
    });
    return z.NEVER;
  }),
  REVALIDATE_SECONDS: whole('REVALIDATE_SECONDS', 60, 1, 365 * 86400, 'a whole number of seconds, at least 1'),
  REDIS_URL: text.transform((value, context) => {
    if (value === undefined) return undefined;
    if (!URL.canParse(value) || !/^rediss?:$/.test(new URL(value).protocol)) {
      context.addIssue({ code: 'custom', message: `REDIS_URL must be a redis:// or rediss:// URL, not "${value}"` });
      return z.NEVER;
    }
    return value;
  }),
  BUILD_ID: text.transform((value, context) => {
    if (value === undefined || /^[\w.-]{1,128}$/.test(value)) return value;
    context.addIssue({
      code: 'custom',
      message: `BUILD_ID must be 1 to 128 letters, digits, dots, dashes or underscores, not "${value.slice(0, 140)}"`,
    });
    return z.NEVER;
  }),
  STATIC_EXPORT: text.transform((value) => value !== undefined && !/^(0|false)$/i.test(value)),
  CHECK_LIST_LIMIT: whole('CHECK_LIST_LIMIT', 20, 0, Number.MAX_SAFE_INTEGER, 'a whole number'),
  CHROMIUM_PATH: text.transform((value) => value ?? '/usr/bin/chromium'),
  FUZZ_RUNS: whole('FUZZ_RUNS', 60, 1, Number.MAX_SAFE_INTEGER, 'a whole number of runs, at least 1'),
  FUZZ_SEED: whole('FUZZ_SEED', 20261201, 0, 2 ** 31 - 1, 'a whole number below 2^31'),
  INKWELL_LIVE_CONTENT: text.transform((value) => value === '1'),
  INKWELL_REFRESH_TOKEN: text,
  NODE_ENV: text,
  NEXT_PHASE: text,
});

/** @typedef {z.output<typeof schema>} Environment */

/**
 * The site's settings, read from an environment.
 * @param {Record<string, string | undefined>} env
 */
function fromEnvironment(env) {
  const result = schema.safeParse(Object.fromEntries(variables.map(({ name }) => [name, env[name]])));
  if (!result.success) throw new SettingsError(result.error.issues.map((issue) => issue.message));
  const e = result.data;
  return {
    /** The content folder as given, relative to the project unless absolute. */
    contentDir: e.CONTENT_DIR,
    /** The public origin, without a final slash. */
    siteUrl: e.SITE_URL,
    /** False when SITE_URL is unset and the site falls back to localhost. */
    siteUrlGiven: given(env.SITE_URL) !== undefined,
    port: e.PORT,
    hostname: e.HOSTNAME,
    /** Infinity for every article; a static export renders everything. */
    prerenderNewest: e.STATIC_EXPORT ? Number.POSITIVE_INFINITY : e.PRERENDER_NEWEST,
    revalidateSeconds: e.REVALIDATE_SECONDS,
    redisUrl: e.REDIS_URL,
    buildId: e.BUILD_ID,
    staticExport: e.STATIC_EXPORT,
    checkListLimit: e.CHECK_LIST_LIMIT,
    chromiumPath: e.CHROMIUM_PATH,
    fuzzRuns: e.FUZZ_RUNS,
    fuzzSeed: e.FUZZ_SEED,
    /**
     * How pages get their content: loaded once and fixed (a build), looked at again as pages render and
     * drafts shown (`npm run dev`), or looked at again with drafts hidden (the Node host, `npm start`).
     * @type {'build' | 'dev' | 'live'}
     */
    contentMode: e.INKWELL_LIVE_CONTENT ? 'live' : e.NODE_ENV === 'development' ? 'dev' : 'build',
    /** True in the process `npm start` runs: it declared itself before Next read its config. */
    nodeHost: e.INKWELL_LIVE_CONTENT,
    refreshToken: e.INKWELL_REFRESH_TOKEN,
    production: e.NODE_ENV === 'production',
    nextPhase: e.NEXT_PHASE,
  };
}

/** @typedef {ReturnType<typeof fromEnvironment>} Settings */

export class SettingsError extends Error {
  /** @param {string[]} messages */
  constructor(messages) {
    super(messages.join('\n'));
    this.name = 'SettingsError';
  }
}

/** @type {{ key: string, settings: Settings } | undefined} */
let last;

/**
 * The settings of this process (or of `env`, for a test). Read again when the environment changed, so
 * a test that sets a variable sees it; throws a SettingsError naming every variable that is wrong.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Settings}
 */
export function readSettings(env = process.env) {
  const key = variables.map(({ name }) => env[name] ?? '\0').join('\u0001');
  if (last?.key !== key) last = { key, settings: fromEnvironment(env) };
  return last.settings;
}

/**
 * The variables `npm start` sets for the app it serves, in the process they share.
 * @param {string} refreshToken
 */
export function declareNodeHost(refreshToken) {
  process.env.INKWELL_LIVE_CONTENT = '1';
  process.env.INKWELL_REFRESH_TOKEN = refreshToken;
}
