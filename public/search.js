// @ts-check
// The search box on /search: Pagefind in the browser, results as the reader types, facets by
// category and tag. Plain script on server-rendered markup, so the page needs no client framework.

/**
 * The part of Pagefind's browser API (/pagefind/pagefind.js, written by the build) that this script uses.
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string | undefined> }} PagefindResultData
 * @typedef {{ results: { data: () => Promise<PagefindResultData> }[] }} PagefindSearch
 * @typedef {object} Pagefind
 * @property {() => Promise<void>} init
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
  const trailingSlash = form.dataset.trailingSlash === 'true';
  const MAX = 20;
  const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  /** @type {Pagefind | undefined} */
  let pagefind;
  let latest = 0;

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
  };

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
  window.addEventListener('popstate', () => {
    clearTimeout(pause);
    restore();
    update();
  });
  status.textContent = 'Loading the search index…';

  // The index is a file of the built site, which TypeScript cannot resolve: the specifier in a
  // variable keeps it from trying, and the cast gives the module the Pagefind type above.
  const pagefindUrl = '/pagefind/pagefind.js';
  /** @type {Promise<Pagefind>} */ (import(pagefindUrl))
    .then(async (module) => {
      await module.init();
      pagefind = module;
      const facets = await module.filters();
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
      status.textContent = '';
      update();
    })
    .catch(() => {
      status.textContent = 'The search index is not available on this server.';
    });
}

// Module scripts normally run after parsing, but one served from cache may not wait: be sure.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
