// A tiny hash router: '#/cases/12' → the handler registered for '/cases/:id'. Hashes that are not
// routes (like '#main' of the skip link) are ignored, so in-page links never leave the page.

const routes = [];

export function route(pattern, load, options = {}) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
  routes.push({ pattern, regex, names, load, roles: options.roles || null, public: Boolean(options.public) });
}

export function currentPath() {
  const hash = location.hash || '#/';
  return hash.startsWith('#/') ? hash.slice(1) : null;
}

/** The route and its parameters (path and query) for a path like '/cases?status=OPEN'. */
export function resolve(path) {
  const [pathname, search = ''] = path.split('?');
  for (const r of routes) {
    const m = pathname.match(r.regex);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { route: r, params, query: new URLSearchParams(search) };
    }
  }
  return null;
}

export function navigate(path) {
  if (location.hash === '#' + path) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = '#' + path;
  }
}

export function link(path) {
  return '#' + path;
}
