// Small display components: summary lists, tables, paging, notifications, links styled as buttons.

import { h } from './dom.js';
import { t, formatNumber } from './i18n.js';

/** rows: [[label, value]] — a definition list; empty values show a dash. */
export function summaryList(rows) {
  return h('dl', { class: 'summary-list' }, rows.filter(Boolean).map(([label, value]) => h('div', { class: 'summary-list__row' },
    h('dt', { class: 'summary-list__key' }, label),
    h('dd', { class: 'summary-list__value' }, value === null || value === undefined || value === '' ? '–' : value))));
}

/** columns: [{label, value: row => text|Node, numeric?}] */
export function dataTable({ caption, columns, rows, empty }) {
  if (!rows.length) return h('p', { class: 'body' }, empty || t('common.none'));
  return h('div', { class: 'table-wrapper', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'table' },
      h('caption', { class: 'table__caption' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'table__cell--numeric' : null }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c, i) => {
        const content = c.value(r);
        return i === 0 && c.rowHeader !== false ? h('th', { scope: 'row' }, content)
          : h('td', { class: c.numeric ? 'table__cell--numeric' : null }, content);
      }))))));
}

/** Previous/next links for a Page {items, total, offset, limit}; href(offset) makes the link. */
export function pager(page, href) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.offset + page.limit, page.total);
  const links = [];
  if (page.offset > 0) links.push(h('a', { class: 'pagination__link', href: href(Math.max(0, page.offset - page.limit)), rel: 'prev' }, t('paging.previous')));
  if (to < page.total) links.push(h('a', { class: 'pagination__link', href: href(page.offset + page.limit), rel: 'next' }, t('paging.next')));
  return h('nav', { class: 'pagination', 'aria-label': t('paging.label') },
    h('p', { class: 'pagination__status' }, t('paging.status', formatNumber(from), formatNumber(to), formatNumber(page.total))),
    links.length ? h('ul', { class: 'pagination__list' }, links.map((l) => h('li', {}, l))) : null);
}

export function notification(kind, title, ...body) {
  return h('div', { class: `notification notification--${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    title ? h('h2', { class: 'notification__title' }, title) : null, body.map((b) => (typeof b === 'string' ? h('p', {}, b) : b)));
}

export function buttonLink(href, text, secondary = false) {
  return h('a', { href, class: ['button', secondary ? 'button--secondary' : null] }, text);
}

export function backLink(href, text) {
  return h('a', { href, class: 'back-link' }, text || t('common.back'));
}

export function section(title, ...content) {
  return h('section', { class: 'section' }, h('h2', { class: 'section__title' }, title), content);
}
