// The search box on /search: Pagefind in the browser, results as the reader types, facets by
// category and tag. Plain script on server-rendered markup, so the page needs no client framework.
function start() {
  const form = document.querySelector('[data-search]');
  if (!form) return;
  const input = form.querySelector('input[type="search"]');
  const selects = [...form.querySelectorAll('select[data-filter]')];
  const status = document.querySelector('[data-search-status]');
  const list = document.querySelector('[data-search-results]');
  const trailingSlash = form.dataset.trailingSlash === 'true';
  const MAX = 20;
  const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  let pagefind;
  let latest = 0;

  // Pagefind names pages by their HTML files; the Node host's are `slug.html`, its URLs `slug`.
  const route = (url) => {
    const path = url.replace(/(\/index)?\.html$/, '');
    return trailingSlash && !path.endsWith('/') ? `${path}/` : path;
  };

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  // Pagefind's excerpt is page text it has escaped, with <mark> around matches: rebuild it as nodes.
  // A <textarea> decodes entities without parsing markup and keeps every space.
  const decoder = document.createElement('textarea');
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
    const filters = Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.dataset.filter, s.value]));
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

  import('/pagefind/pagefind.js')
    .then(async (module) => {
      await module.init();
      pagefind = module;
      const facets = await module.filters();
      for (const select of selects) {
        const chosen = select.value;
        const counts = Object.entries(facets[select.dataset.filter] ?? {}).sort(([, a], [, b]) => b - a);
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
