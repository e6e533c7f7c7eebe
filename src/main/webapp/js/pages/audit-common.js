// The auditor pages share one shape: a search form whose values live in the URL (so back, forward
// and bookmarks work), then a page of access-log entries from the audit API.

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatDateTime, formatNumber, enumLabel } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { dataTable, notification, pager } from '../components.js';
import { navigate } from '../router.js';

export const ACTIONS = ['CREATE', 'READ', 'UPDATE', 'DELETE', 'SEARCH', 'EXPORT', 'REPORT', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED',
  'ADMIN_CHANGE', 'AUDIT_READ'];
const LIMIT = 50;

/** Codes and id lists break anywhere, so a long list of ids never widens the page. */
export const code = (text) => (text ? h('code', { class: 'code' }, text) : '');

export function entryColumns() {
  return [
    { label: t('audit.entry'), value: (e) => formatNumber(e.id), numeric: true },
    { label: t('audit.at'), value: (e) => formatDateTime(e.occurredAt) },
    { label: t('audit.actor'), value: (e) => [e.username || '', e.role ? ` (${enumLabel('role', e.role)})` : '', ' ', code(e.actor),
      e.organisationId ? ' ' : '', e.organisationId ? code(`org:${e.organisationId}`) : ''] },
    { label: t('audit.action'), value: (e) => enumLabel('auditAction', e.action) },
    { label: t('audit.object'), value: (e) => [code(e.objectType), e.objectIds ? ' ' : '', code(e.objectIds)] },
    { label: t('audit.subjects'), value: (e) => code(e.subjectIds) },
    { label: t('audit.owners'), value: (e) => code(e.ownerIds ? e.ownerIds.split(',').map((o) => `org:${o}`).join(',') : '') },
    { label: t('audit.outcome'), value: (e) => enumLabel('auditOutcome', e.outcome) },
    { label: t('audit.purpose'), value: (e) => [e.breakGlass ? h('strong', { class: 'tag tag--warning' }, t('audit.breakGlass.flag')) : null,
      e.breakGlass && e.purpose ? ' ' : '', e.purpose || ''] },
  ];
}

/**
 * path: the page's own path; fields: the form; endpoint(values): {path, params} of the API for the
 * entered values, or null while they are incomplete; notFound: the text for a 404.
 */
export async function searchPage(main, { path, query, title, intro, fields, endpoint, caption, notFound }) {
  const values = {};
  fields.forEach((f) => { if (query.get(f.name)) values[f.name] = query.get(f.name); });
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const form = createForm({ id: 'audit-search', submitLabel: t('audit.search'), fields, values,
    onSubmit: async (v) => navigate(`${path}${qs(v)}`) });
  const result = h('div', { id: 'audit-result' });
  append(main, pageHeading(title), h('p', { class: 'lead' }, intro), form.element, result);
  const target = endpoint(values);
  if (!target) return;
  try {
    const { data: page } = await get(`${target.path}${qs({ ...target.params, offset, limit: LIMIT })}`);
    append(clear(result), h('h2', {}, t('audit.results')),
      dataTable({ caption, columns: entryColumns(), rows: page.items, empty: t('audit.noEntries') }),
      pager(page, (o) => `#${path}${qs({ ...values, offset: o })}`));
  } catch (error) {
    append(clear(result), notification(error.status === 404 ? 'info' : 'error', null,
      error.status === 404 && notFound ? notFound : errorText(error)));
  }
}
