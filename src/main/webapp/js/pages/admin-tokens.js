// Administration: API tokens of partner systems. The partner makes the token and hands over only its
// SHA-256, so no administrator ever holds one; one administrator registers it, another approves it.

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, post } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { dataTable, notification, section } from '../components.js';
import { organisationOptions } from './admin-common.js';
import { currentUser } from '../session.js';

export async function render(main) {
  const organisations = await organisationOptions();
  const orgName = (id) => (organisations.find((o) => o.value === String(id)) || {}).label || String(id);
  const issued = h('div', { class: 'form-messages', id: 'issued-token' });
  const list = h('div', {});

  const status = (tk) => {
    if (tk.status === 'REVOKED') return t('tokens.revokedAt', formatDateTime(tk.revokedAt));
    if (tk.status === 'PENDING') return tk.requestedBy === currentUser().userId ? t('tokens.pendingOwn') : t('tokens.pending');
    return t('tokens.active');
  };
  const action = (tk, what, label, kind) => h('button', {
    type: 'button', class: ['button', 'button--small', kind || null],
    on: { click: async (e) => {
      try { await post(`api/admin/tokens/${tk.id}/${what}`, {}); await refresh(); } catch (err) { e.target.after(h('p', { class: 'error-message' }, errorText(err))); }
    } },
  }, label, h('span', { class: 'visually-hidden' }, ` ${tk.name}`));

  async function refresh() {
    const { data } = await get('api/admin/tokens');
    append(clear(list), dataTable({
      caption: t('tokens.caption'),
      columns: [
        { label: t('tokens.name'), value: (tk) => tk.name },
        { label: t('tokens.organisation'), value: (tk) => orgName(tk.organisationId) },
        { label: t('tokens.createdAt'), value: (tk) => formatDateTime(tk.createdAt) },
        { label: t('tokens.status'), value: (tk) => status(tk) },
        { label: t('tokens.actions'), rowHeader: false, value: (tk) => h('div', { class: 'button-group' },
          tk.status === 'PENDING' && tk.requestedBy !== currentUser().userId ? action(tk, 'approval', t('tokens.approve'), '') : null,
          tk.status !== 'REVOKED' ? action(tk, 'revocation', t('tokens.revoke'), 'button--warning') : null) },
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
      { name: 'secretHash', type: 'text', label: t('tokens.secretHash'), hint: t('tokens.secretHash.hint'), required: true },
    ],
    onSubmit: async (values) => {
      await post('api/admin/tokens', values);
      const panel = notification('success', t('tokens.issuedTitle'), t('tokens.issuedBody'));
      panel.setAttribute('tabindex', '-1');
      issued.replaceChildren(panel);
      panel.focus();
      await refresh();
    },
  });
  await refresh();
  append(main, pageHeading(t('tokens.title')), issued, section(t('tokens.issueTitle'), form.element), section(t('tokens.listTitle'), list));
}
