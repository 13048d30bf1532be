// @ts-check
// The one spelling of a URL segment. lib/urls.ts writes every segment as its value percent-encoded
// (encodeURIComponent); any other spelling of a value — other escapes (`%62rief`, `%c3%bc`), double
// encoding, another Unicode normalisation — is another URL, and must not be a second page: each one
// would be a second cache entry, and Next files its cache under the decoded path, where `%62rief` and
// `brief` meet. The routes look their values up with `lookUp`; the Node host's server
// (lib/server/server.mjs) sends every request path through `canonicalPath` before Next sees it.
// Plain JavaScript, so that lib/server/server.mjs can import it as it is.

/** @param {string} segment */
function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The values a route segment names. Next hands a page the segment of the request, percent-encoded,
 * when it renders one, and generateStaticParams' own value when it renders at build time: both
 * count, the encoded one only when it is exactly the spelling lib/urls.ts builds.
 * @param {string} segment
 * @returns {string[]}
 */
export function segmentValues(segment) {
  const value = decode(segment);
  return value !== undefined && value !== segment && encodeURIComponent(value) === segment
    ? [segment, value]
    : [segment];
}

/**
 * What a map keyed by value (slugs) holds for a route segment, under its one spelling.
 * @template T
 * @param {Map<string, T>} map
 * @param {string} segment
 * @returns {T | undefined}
 */
export function lookUp(map, segment) {
  for (const value of segmentValues(segment)) {
    const found = map.get(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A request path spelled the way lib/urls.ts spells it: each segment decoded and encoded again, so
 * `/articles/%62rief` becomes `/articles/brief` and `%c3%bc` becomes `%C3%BC`. Undefined when the
 * path can name nothing: broken percent-encoding, a control character (`%00`), an encoded slash, or a
 * `.` or `..` segment, spelled out or escaped.
 * @param {string} pathname the path of a request, as sent
 * @returns {string | undefined}
 */
export function canonicalPath(pathname) {
  const segments = [];
  for (const segment of pathname.split('/')) {
    const value = decode(segment);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
    if (value === undefined || /[\u0000-\u001f\u007f/]/.test(value) || value === '.' || value === '..') {
      return undefined;
    }
    segments.push(encodeURIComponent(value));
  }
  return segments.join('/');
}
