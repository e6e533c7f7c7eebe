// The auditor pages share one shape: a search form, then a result from the audit API.
// Until the audit API is deployed, a 404 on its endpoint says so instead of failing.

import { h, clear, pageHeading } from '../dom.js';
import { t, formatDateTime, yesNo } from '../i18n.js';
import { get, query } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { dataTable, notification } from '../components.js';

export function logColumns() {
  return [
    { label: t('audit.sequence'), value: (e) => String(e.sequence ?? e.seq ?? '') },
    { label: t('audit.at'), value: (e) => formatDateTime(e.at || e.occurredAt) },
    { label: t('audit.actor'), value: (e) => e.actor || e.username || '' },
    { label: t('audit.role'), value: (e) => (e.role ? t(`role.${e.role}`) : '') },
    { label: t('audit.action'), value: (e) => e.action || '' },
    { label: t('audit.object'), value: (e) => [e.objectType, (e.objectIds || []).join(', ')].filter(Boolean).join(' ') },
    { label: t('audit.outcome'), value: (e) => e.outcome || '' },
    { label: t('audit.breakGlass'), value: (e) => yesNo(Boolean(e.breakGlass)) },
  ];
}

/** A page with a search form whose values become the query of GET endpoint. */
export function searchPage(main, { title, intro, fields, endpoint, caption, columns, runImmediately = false }) {
  const result = h('div', { id: 'audit-result', 'aria-live': 'polite' });
  async function run(values) {
    try {
      const { data } = await get(`${endpoint}${query(values)}`);
      const rows = Array.isArray(data) ? data : (data && data.items) || [];
      clear(result).append(dataTable({ caption, columns, rows, empty: t('audit.noEntries') }));
    } catch (error) {
      clear(result).append(error.status === 404 && !Object.keys(values).length
        ? notification('info', null, t('audit.notAvailable')) : notification('error', null, errorText(error)));
    }
  }
  const form = createForm({ id: 'audit-search', submitLabel: t('audit.search'), fields, onSubmit: run });
  main.append(pageHeading(title), h('p', { class: 'lead' }, intro), form.element, result);
  if (runImmediately) run({});
}
