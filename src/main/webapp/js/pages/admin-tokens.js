// Administration: API tokens of partner systems. A new token's value is shown once.

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, post } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { dataTable, notification, section } from '../components.js';
import { organisationOptions } from './admin-common.js';

export async function render(main) {
  const organisations = await organisationOptions();
  const orgName = (id) => (organisations.find((o) => o.value === String(id)) || {}).label || String(id);
  const issued = h('div', { class: 'form-messages', id: 'issued-token' });
  const list = h('div', {});

  async function refresh() {
    const { data } = await get('api/admin/tokens');
    append(clear(list), dataTable({
      caption: t('tokens.caption'),
      columns: [
        { label: t('tokens.name'), value: (tk) => tk.name },
        { label: t('tokens.organisation'), value: (tk) => orgName(tk.organisationId) },
        { label: t('tokens.createdAt'), value: (tk) => formatDateTime(tk.createdAt) },
        { label: t('tokens.status'), value: (tk) => (tk.revokedAt ? t('tokens.revokedAt', formatDateTime(tk.revokedAt)) : t('tokens.active')) },
        { label: t('tokens.actions'), rowHeader: false, value: (tk) => (tk.revokedAt ? '' : h('button', {
          type: 'button', class: 'button button--warning button--small',
          on: { click: async (e) => {
            try { await post(`api/admin/tokens/${tk.id}/revocation`, {}); await refresh(); } catch (err) { e.target.after(h('p', { class: 'error-message' }, errorText(err))); }
          } },
        }, t('tokens.revoke'), h('span', { class: 'visually-hidden' }, ` ${tk.name}`))) },
      ],
      rows: data,
      empty: t('tokens.none'),
    }));
  }

  const form = createForm({
    id: 'token-create',
    submitLabel: t('tokens.issue'),
    fields: [
      { name: 'organisationId', type: 'select', label: t('tokens.organisation'), required: true, numeric: true, options: organisations },
      { name: 'name', type: 'text', label: t('tokens.name'), hint: t('tokens.name.hint'), required: true },
    ],
    onSubmit: async (values) => {
      const { data } = await post('api/admin/tokens', values);
      const panel = notification('success', t('tokens.issuedTitle'), t('tokens.issuedBody'),
        h('p', {}, h('code', { class: 'secret__value', id: 'token-value' }, data.token)));
      panel.setAttribute('tabindex', '-1');
      issued.replaceChildren(panel);
      panel.focus();
      await refresh();
    },
  });
  await refresh();
  append(main, pageHeading(t('tokens.title')), issued, section(t('tokens.issueTitle'), form.element), section(t('tokens.listTitle'), list));
}
