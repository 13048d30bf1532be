// Splits a content file into its YAML front-matter and body, and parses the YAML with bounds.
// Content is untrusted: nothing here can evaluate code (no language engines, unlike gray-matter's
// `---js`), and every step is linear in the file with a cap on the block and on aliases.
import { isScalar, parseDocument, visit } from 'yaml';

/** Real front-matter is under a kilobyte; a block this large is a mistake or an attack. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/** YAML aliases resolved per document, the `yaml` package's guard against billion-laughs expansion. */
const MAX_ALIASES = 100;

export class FrontMatterError extends Error {
  name = 'FrontMatterError';
}

export interface SplitFile {
  /** The YAML between the delimiter lines; empty when the file has no front-matter. */
  yaml: string;
  body: string;
}

/** Text from a file shown in a message: one line, at most ~80 characters. */
export function quote(text: string, max = 80): string {
  const line = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${line.slice(0, -1)}…"` : line;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;
/** `---yaml` and `---yml` name the one language read; any other word after `---` is refused. */
const YAML_TAG = /^---[ \t]*(yaml|yml)[ \t]*$/i;

/**
 * The front-matter block opens with a line of `---` as the file's first line and closes with the next
 * line of `---` (or YAML's `...`). A file without an opening line has no front-matter.
 */
export function splitFrontMatter(source: string): SplitFile {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (!text.startsWith('---') || text.startsWith('----')) return { yaml: '', body: text };
  let end = lineEnd(text, 0);
  const first = text.slice(0, end).replace(/\r$/, '');
  if (!OPENING.test(first) && !YAML_TAG.test(first)) {
    throw new FrontMatterError(
      `${quote(first)} opens a block in another language: front-matter is YAML only, opened by a line of ---`,
    );
  }
  const start = end + 1;
  while (end < text.length) {
    const lineStart = end + 1;
    end = lineEnd(text, lineStart);
    if (end - start > MAX_FRONT_MATTER_BYTES) {
      throw new FrontMatterError(
        `is longer than ${MAX_FRONT_MATTER_BYTES / 1024} KB before its closing --- line (front-matter is a few fields)`,
      );
    }
    if (CLOSING.test(text.slice(lineStart, end).replace(/\r$/, ''))) {
      return { yaml: text.slice(start, lineStart), body: text.slice(end + 1) };
    }
  }
  throw new FrontMatterError('has no closing --- line');
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/**
 * The YAML block as plain data. The core schema keeps dates as the text the author wrote (a date is
 * a calendar day, not an instant) and knows no merge keys or custom tags. Line numbers in messages
 * count from the file's first line, the opening `---`.
 */
export function parseYaml(yaml: string): unknown {
  // The parser's own duplicate-key check compares every key with every other: keys are checked here, once each.
  const doc = parseDocument(yaml, { schema: 'core', merge: false, uniqueKeys: false, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? ` at line ${at.line + 1}, column ${at.col}` : '';
    throw new FrontMatterError(`invalid YAML${where}: ${firstLine(error.message)}`);
  }
  try {
    visit(doc, {
      Map(_, map) {
        const keys = new Set<unknown>();
        for (const { key } of map.items) {
          const value = isScalar(key) ? key.value : key;
          if (keys.has(value)) throw new FrontMatterError(`${quote(String(value))} is given twice`);
          keys.add(value);
        }
      },
    });
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    throw new FrontMatterError(`invalid YAML: ${firstLine((error as Error).message)}`);
  }
}

/** A parser's message without the excerpt of the input it may append, and never long. */
function firstLine(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

/** Front-matter fields and body of a file; throws FrontMatterError with a message for the author. */
export function readFrontMatterBlock(source: string): { data: Record<string, unknown>; body: string } {
  const { yaml, body } = splitFrontMatter(source);
  const data = yaml.trim() === '' ? {} : parseYaml(yaml);
  if (data === null || data === undefined) return { data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('must be a YAML mapping of fields');
  }
  return { data: data as Record<string, unknown>, body };
}
