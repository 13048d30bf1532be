// @ts-check
// What independent clients and validators make of an export: the W3C Nu HTML Checker (vnu-jar on
// Java), Python's feedparser (the parser feed readers are checked against) and a scan for the
// development origin. Each returns findings; run.mjs records them.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { filesUnder } from '../../lib/files.mjs';

const require = createRequire(import.meta.url);

/** @typedef {{ type: string, subType?: string, url: string, lastLine?: number, message: string }} NuMessage */

/**
 * Nu's errors for each page (`pathname` → HTML file of the export); warnings are not errors.
 * @param {string} out
 * @param {string[]} pathnames
 * @returns {string[]}
 */
export function nuErrors(out, pathnames) {
  const jar = require('vnu-jar');
  const targets = pathnames.map((p) => (p.endsWith('.html') ? p : path.join(p, 'index.html')));
  // Java's default stack overflows on the checker's HTML schema.
  const run = spawnSync(
    'java',
    ['-Xss8m', '-jar', jar, '--format', 'json', '--errors-only', ...targets.map((t) => path.join(out, t))],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) throw run.error;
  /** @type {{ messages?: NuMessage[] }} */
  const { messages = [] } = JSON.parse(run.stderr || '{"messages":[]}');
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.message}`);
}

const FEEDPARSER = `
import json, sys, feedparser
result = {}
for path in sys.argv[1:]:
    parsed = feedparser.parse(path)
    result[path] = {
        "bozo": int(parsed.bozo),
        "exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "entries": len(parsed.entries),
        "types": [l.get("type", "") for e in parsed.entries for l in e.get("links", []) if l.get("rel") == "enclosure"],
        "authors": [e.get("author", "") for e in parsed.entries],
    }
print(json.dumps(result))
`;

/**
 * What FEEDPARSER prints for each feed.
 * @typedef {{ bozo: number, exception: string, version: string, entries: number, types: string[], authors: string[] }} ParsedFeed
 */

/**
 * Every RSS and Atom feed of the export through feedparser (Debian's python3-feedparser, so
 * /usr/bin/python3). Its 6.0 line reads no JSON Feed: jsonFeeds checks those.
 * @param {string} out
 * @returns {({ file: string } & ParsedFeed)[]}
 */
export function parseFeeds(out) {
  const feeds = filesUnder(out).filter((f) => /[/\\](feed|atom)\.xml$/.test(f));
  const raw = execFileSync('/usr/bin/python3', ['-c', FEEDPARSER, ...feeds], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  /** @type {Record<string, ParsedFeed>} */
  const parsed = JSON.parse(raw);
  return Object.entries(parsed).map(([file, r]) => ({ file: path.relative(out, file), ...r }));
}

/**
 * The fields of a JSON Feed item that are checked, as read: nothing in them is trusted.
 * @typedef {{ id?: unknown, content_html?: unknown, content_text?: unknown, author?: unknown, authors?: { name?: unknown }[] }} JsonFeedItem
 */

/**
 * JSON Feed 1.1 files that lack what the spec requires, or carry 1.0's `author` beside `authors`.
 * @param {string} out
 * @returns {string[]}
 */
export function jsonFeedProblems(out) {
  return filesUnder(out)
    .filter((f) => f.endsWith(`${path.sep}feed.json`))
    .flatMap((f) => {
      /** @type {{ version?: unknown, title?: unknown, items?: JsonFeedItem[] }} */
      const feed = JSON.parse(readFileSync(f, 'utf8'));
      const where = path.relative(out, f);
      if (feed.version !== 'https://jsonfeed.org/version/1.1') return [`${where}: version ${feed.version}`];
      if (!feed.title || !Array.isArray(feed.items)) return [`${where}: no title or items`];
      return feed.items.flatMap((item, i) =>
        !item.id || !(item.content_html || item.content_text) || item.author || !item.authors?.[0]?.name
          ? [`${where}: item ${i}`]
          : [],
      );
    });
}

/**
 * Files of the export that name the development origin.
 * @param {string} out
 */
export function localhostMentions(out) {
  return filesUnder(out)
    .filter((f) => /\.(html|xml|json|txt|js|css|webmanifest)$|_headers$/.test(f))
    .filter((f) => readFileSync(f, 'utf8').includes('localhost'))
    .map((f) => path.relative(out, f));
}
