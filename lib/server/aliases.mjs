// @ts-check
// Moved URLs on the Node host: each article's `aliases` (old paths) answer 308 to the article. The
// app hands the server the table (app/api/content) when it starts and whenever content changes; the
// loader has already refused an alias that is another page's URL or another article's alias.

/** A path as the alias table keys it: the one spelling (requests.mjs made it so), no final slash. */
const key = (/** @type {string} */ pathname) => (pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);

export class AliasTable {
  /** @type {Map<string, string>} */
  #targets = new Map();

  /** @param {Record<string, string>} table alias path → the article's URL */
  replace(table) {
    this.#targets = new Map(Object.entries(table));
  }

  get size() {
    return this.#targets.size;
  }

  /**
   * Where a request path has moved, if it is an alias; its query goes along.
   * @param {string} target the request target, path and query, after screening
   */
  redirect(target) {
    const queryAt = target.search(/[?#]/);
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const moved = this.#targets.get(key(pathname));
    return moved === undefined ? undefined : moved + (queryAt === -1 ? '' : target.slice(queryAt));
  }
}
