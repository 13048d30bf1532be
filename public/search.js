// @ts-check
// The search box on /search: Pagefind in the browser, results as the reader types, facets by
// category and tag. Plain script on server-rendered markup, so the page needs no client framework.
// The index is in shards of consecutive days (lib/search-shards.ts, listed newest first in
// /pagefind/shards.json): a search covers the newest ones, and the older ones when the reader asks.

/**
 * The part of Pagefind's browser API (/pagefind/pagefind.js, written by the build) that this script uses.
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string | undefined> }} PagefindResultData
 * @typedef {{ results: { data: () => Promise<PagefindResultData> }[] }} PagefindSearch
 * @typedef {object} Pagefind
 * @property {() => Promise<void>} init
 * @property {(path: string) => Promise<void>} mergeIndex adds another index (a shard) to every later search
 * @property {() => Promise<Record<string, Record<string, number>>>} filters values of each filter, with counts
 * @property {(term: string | null, options: { filters: Record<string, string> }, debounceMs: number) => Promise<PagefindSearch | null>} debouncedSearch
 *   null when a later search superseded this one
 */

function start() {
  /** @type {HTMLFormElement | null} */
  const form = document.querySelector('[data-search]');
  if (!form) return;
  // The markup of app/search/page.tsx, rendered with this form: each of these is there.
  const input = /** @type {HTMLInputElement} */ (form.querySelector('input[type="search"]'));
  const selects = /** @type {HTMLSelectElement[]} */ ([...form.querySelectorAll('select[data-filter]')]);
  const status = /** @type {HTMLElement} */ (document.querySelector('[data-search-status]'));
  const list = /** @type {HTMLElement} */ (document.querySelector('[data-search-results]'));
  const olderBox = /** @type {HTMLElement} */ (document.querySelector('[data-search-older]'));
  const olderButton = /** @type {HTMLButtonElement} */ (olderBox.querySelector('button'));
  const trailingSlash = form.dataset.trailingSlash === 'true';
  const MAX = 20;
  const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  /** @type {Pagefind | undefined} */
  let pagefind;
  let latest = 0;
  /** @typedef {{ dir: string, from: string, to: string, articles: number }} Shard */
  /** The shards not searched yet, newest first. */
  /** @type {Shard[]} */
  let olderShards = [];
  /** Whether the reader asked for older articles too (?older=1). */
  let older = false;
  /** @param {Shard} shard */
  const shardPath = (shard) => `/pagefind/${shard.dir}/`;

  // Pagefind names pages by their HTML files; the Node host's are `slug.html`, its URLs `slug`.
  /** @param {string} url */
  const route = (url) => {
    const path = url.replace(/(\/index)?\.html$/, '');
    return trailingSlash && !path.endsWith('/') ? `${path}/` : path;
  };

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Partial<HTMLElementTagNameMap[K]>} [props]
   * @param {...(Node | string)} children
   */
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  // Pagefind's excerpt is page text it has escaped, with <mark> around matches: rebuild it as nodes.
  // A <textarea> decodes entities without parsing markup and keeps every space.
  const decoder = document.createElement('textarea');
  /** @param {string} html */
  const excerpt = (html) =>
    html.split(/(<mark>.*?<\/mark>)/).map((part) => {
      decoder.innerHTML = part.replace(/<\/?mark>/g, '');
      return part.startsWith('<mark>') ? el('mark', {}, decoder.value) : document.createTextNode(decoder.value);
    });

  // The search lives in the URL (?q=…&category=…&tag=…), so it can be shared, bookmarked and gone
  // back to. Submitting or choosing a filter adds a history entry at once; typing adds one when the
  // reader pauses, so back steps through searches rather than keystrokes.
  const stateUrl = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const select of selects) if (select.value) params.set(select.name, select.value);
    if (older) params.set('older', '1');
    return `${location.pathname}${params.size ? `?${params}` : ''}`;
  };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pause;
  const record = () => {
    clearTimeout(pause);
    const url = stateUrl();
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  };
  // Fills the form from the URL; a filter value waits for its option until the index has loaded.
  const restore = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const select of selects) {
      const value = params.get(select.name) ?? '';
      if (value && ![...select.options].some((o) => o.value === value)) select.append(el('option', { value }, value));
      select.value = value;
    }
    if (params.get('older') === '1') void includeOlder();
  };

  /** The category and tag menus, with the counts of the shards searched. */
  async function fillFacets() {
    if (!pagefind) return;
    const facets = await pagefind.filters();
    for (const select of selects) {
      const chosen = select.value;
      const counts = Object.entries(facets[/** @type {string} */ (select.dataset.filter)] ?? {}).sort(
        ([, a], [, b]) => b - a,
      );
      select.replaceChildren(
        el('option', { value: '' }, 'Any'),
        ...counts.map(([value, count]) => el('option', { value }, `${value} (${count})`)),
      );
      select.value = chosen;
    }
  }

  /** Offers the shards not searched yet, with how many articles they hold and their dates. */
  function offerOlder() {
    olderBox.hidden = olderShards.length === 0;
    if (olderShards.length === 0) return;
    const count = olderShards.reduce((sum, shard) => sum + shard.articles, 0);
    const from = /** @type {Shard} */ (olderShards.at(-1)).from;
    const to = olderShards[0].to;
    const day = (/** @type {string} */ d) => dates.format(new Date(`${d}T00:00:00Z`));
    olderButton.textContent = `Also search ${count.toLocaleString('en-US')} older articles (${day(from)} to ${day(to)})`;
  }

  /** Adds the older shards to the search, once; the search runs again with them. */
  async function includeOlder() {
    older = true;
    if (!pagefind || olderShards.length === 0) return;
    const shards = olderShards;
    olderShards = [];
    olderBox.hidden = true;
    status.textContent = 'Loading the older articles…';
    const module = pagefind;
    await Promise.all(shards.map((shard) => module.mergeIndex(shardPath(shard))));
    await fillFacets();
    status.textContent = '';
    update();
  }

  async function update() {
    const query = input.value.trim();
    const filters = Object.fromEntries(
      selects.filter((s) => s.value).map((s) => [/** @type {string} */ (s.dataset.filter), s.value]),
    );
    if (!pagefind) return;
    const ticket = ++latest;
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.debouncedSearch(query || null, { filters }, 150);
    if (!search || ticket !== latest) return;
    const data = await Promise.all(search.results.slice(0, MAX).map((r) => r.data()));
    if (ticket !== latest) return;
    const total = search.results.length;
    status.textContent = `${total} result${total === 1 ? '' : 's'}${total > MAX ? `, showing the first ${MAX}` : ''}`;
    list.replaceChildren(
      ...data.map((r) => {
        const item = el('li', {}, el('a', { href: route(r.url), className: 'search-title' }, r.meta.title ?? r.url));
        if (r.meta.date) {
          const time = el('time', { dateTime: r.meta.date }, dates.format(new Date(`${r.meta.date}T00:00:00Z`)));
          item.append(el('p', { className: 'search-date' }, time));
        }
        item.append(el('p', { className: 'search-excerpt' }, ...excerpt(r.excerpt)));
        return item;
      }),
    );
  }

  // A reader may type before this script runs: only a link with a search in it fills the form.
  if (location.search) restore();
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(record, 800);
    update();
  });
  for (const select of selects) {
    select.addEventListener('change', () => {
      record();
      update();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    record();
    update();
  });
  olderButton.addEventListener('click', () => {
    older = true;
    record();
    void includeOlder();
  });
  window.addEventListener('popstate', () => {
    clearTimeout(pause);
    restore();
    update();
  });
  status.textContent = 'Loading the search index…';

  // The index is files of the built site, which TypeScript cannot resolve: the specifier in a
  // variable keeps it from trying, and the cast gives the module the Pagefind type above.
  fetch('/pagefind/shards.json')
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return /** @type {Promise<{ shards: Shard[], recent: number }>} */ (response.json());
    })
    .then(async ({ shards, recent }) => {
      const [newest, ...rest] = shards;
      if (!newest) {
        status.textContent = 'There are no articles to search yet.';
        return;
      }
      const module = await /** @type {Promise<Pagefind>} */ (import(`${shardPath(newest)}pagefind.js`));
      await module.init();
      const more = Math.max(0, recent - 1);
      await Promise.all(rest.slice(0, more).map((shard) => module.mergeIndex(shardPath(shard))));
      olderShards = rest.slice(more);
      pagefind = module;
      await fillFacets();
      status.textContent = '';
      if (older) await includeOlder();
      else offerOlder();
      update();
    })
    .catch(() => {
      status.textContent = 'The search index is not available on this server.';
    });
}

// Module scripts normally run after parsing, but one served from cache may not wait: be sure.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
