// Boots the front end: texts, the logged-in user, the shell (header, navigation by role, language
// switch) and the router.

import { h, clear, append } from './dom.js';
import { t, loadLanguage, preferredLanguage, currentLanguage } from './i18n.js';
import { onAuthenticationLost, post } from './api.js';
import { route, resolve, currentPath, navigate } from './router.js';
import { currentUser, loadUser, setUser, homePath } from './session.js';
import { clearReferenceCache } from './reference.js';
import { registerRoutes } from './routes.js';
import { forgetBreakGlass } from './break-glass.js';
import { clearOrganisationCache } from './organisations.js';

const main = document.getElementById('main');

const NAVIGATION = {
  CASEWORKER: [['/cases', 'nav.cases'], ['/cases/new', 'nav.newCase'], ['/imports', 'nav.imports']],
  AUDITOR: [['/audit/log', 'nav.auditLog'], ['/audit/subjects', 'nav.auditSubjects'], ['/audit/cases', 'nav.auditCases'],
    ['/audit/break-glass', 'nav.breakGlass'], ['/audit/verification', 'nav.verification']],
  ADMIN: [['/admin/users', 'nav.users'], ['/admin/organisations', 'nav.organisations'], ['/admin/tokens', 'nav.tokens'],
    ['/admin/reference', 'nav.reference'], ['/context', 'nav.context'], ['/imports', 'nav.imports']],
  COORDINATOR: [['/coordinator', 'nav.coordinator'], ['/monitor', 'nav.monitor'], ['/reports', 'nav.reports'], ['/coordinator/dark-number', 'nav.darkNumber'],
    ['/context', 'nav.context'], ['/imports', 'nav.imports'], ['/reference', 'nav.reference'], ['/exchange', 'nav.exchange']],
};

function renderHeader() {
  const header = clear(document.getElementById('header'));
  const user = currentUser();
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  const switcher = h('button', { type: 'button', class: 'header__language', lang: other, id: 'language-switch',
    on: { click: () => switchLanguage(other) } }, t(`language.switchTo.${other}`));
  const top = h('div', { class: 'header__top' },
    h('a', { class: 'header__brand', href: user ? `#${homePath(user.role)}` : '#/login' }, t('app.name')),
    h('div', { class: 'header__tools' },
      user ? h('span', { class: 'header__user' }, t('header.user', user.username, t(`role.${user.role}`), user.organisationName || '')) : null,
      switcher,
      user ? h('button', { type: 'button', class: 'header__logout', id: 'logout', on: { click: logout } }, t('header.logout')) : null));
  append(header, [top]);
  if (user && NAVIGATION[user.role]) {
    const current = currentPath() || '';
    append(header, h('nav', { class: 'navigation', 'aria-label': t('nav.label') },
      h('ul', { class: 'navigation__list' }, NAVIGATION[user.role].map(([path, key]) => h('li', { class: 'navigation__item' },
        h('a', { class: 'navigation__link', href: `#${path}`, 'aria-current': isCurrent(current, path) ? 'page' : null }, t(key)))))));
  }
  document.getElementById('skip-link').textContent = t('app.skipLink');
  const footer = clear(document.getElementById('footer'));
  append(footer, h('p', {}, t('footer.text')));
}

function isCurrent(current, path) {
  const bare = current.split('?')[0];
  return bare === path || (path === '/cases' && /^\/cases\/\d+/.test(bare)) || (path === '/reports' && bare.startsWith('/reports/'))
    || (path === '/context' && bare.startsWith('/context/')) || (path === '/imports' && bare.startsWith('/imports/'));
}

async function switchLanguage(lang) {
  const snapshot = snapshotInputs();
  await loadLanguage(lang);
  clearReferenceCache();
  clearOrganisationCache();
  await render();
  restoreInputs(snapshot);
  document.getElementById('language-switch').focus();
}

/** Typed input survives a language switch: values are copied by element id around the re-render. */
function snapshotInputs() {
  return [...main.querySelectorAll('input[id], select[id], textarea[id]')]
    .map((el) => ({ id: el.id, value: el.value, checked: el.checked }));
}

function restoreInputs(snapshot) {
  for (const s of snapshot) {
    const el = document.getElementById(s.id);
    if (!el) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = s.checked; else el.value = s.value;
  }
  main.querySelector('form')?.dispatchEvent(new Event('change'));
}

async function logout() {
  let providerLogout = null;
  try {
    const { data } = await post('api/auth/logout', {});
    providerLogout = data && data.providerLogoutUrl;
  } catch (e) { /* the session is gone either way */ }
  setUser(null);
  forgetBreakGlass();
  clearOrganisationCache();
  // A session from the organisation's login service ends there too (it sends the browser back here).
  if (providerLogout) window.location.assign(providerLogout);
  else navigate('/login');
}

let rendering = 0;
async function render() {
  const ticket = ++rendering;
  const path = currentPath();
  delete document.body.dataset.rendered;
  if (path === null) return; // an in-page anchor such as #main
  const user = currentUser();
  const match = resolve(path);
  if (!match) { navigate(user ? homePath(user.role) : '/login'); return; }
  if (!match.route.public && !user) { navigate('/login'); return; }
  renderHeader();
  clear(main);
  if (match.route.roles && !match.route.roles.includes(user.role)) {
    renderForbidden();
    document.body.dataset.rendered = path;
    return;
  }
  try {
    const page = await match.route.load();
    if (ticket !== rendering) return;
    await page.render(main, { params: match.params, query: match.query, user, refresh: render, onLogin });
  } catch (error) {
    if (ticket !== rendering) return;
    clear(main);
    append(main, h('h1', { class: 'page-heading', tabindex: '-1' }, t('error.pageTitle')),
      h('p', {}, error.status === 403 ? t('error.forbidden') : error.status === 404 ? t('error.notFound')
        : t('error.server', (error.problem && error.problem.correlationId) || '-')));
    if (!error.status) console.error(error);
  }
  const heading = main.querySelector('h1');
  if (heading && (document.activeElement === document.body || !main.contains(document.activeElement))) heading.focus();
  if (ticket === rendering) document.body.dataset.rendered = path; // lets browser tests wait for a page
}

function renderForbidden() {
  document.title = `${t('error.forbiddenTitle')} – Ketenzicht`;
  append(main, h('h1', { class: 'page-heading', tabindex: '-1' }, t('error.forbiddenTitle')), h('p', {}, t('error.forbiddenPage')));
  main.querySelector('h1').focus();
}

async function onLogin(me) {
  setUser(me);
  navigate(homePath(me.role));
}

async function boot() {
  await loadLanguage(preferredLanguage());
  registerRoutes(route);
  onAuthenticationLost(() => {
    if (currentUser()) {
      setUser(null);
      navigate('/login?expired=1');
    }
  });
  await loadUser();
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', () => { render(); });
  if (!currentPath() || currentPath() === '/') navigate(currentUser() ? homePath(currentUser().role) : '/login');
  else await render();
  document.body.classList.add('ready');
}

boot().catch((error) => {
  console.error(error);
  append(clear(main), h('p', { class: 'error-message' }, t('error.boot')));
});
