// Share a case with another organisation for a stated purpose, with a scope (read, or read and add
// the partner's own chain steps) and a last day; or end a share. Victims without consent to share
// stay out of the partner's view.

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post, del } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { backLink, dataTable, section } from '../components.js';
import { currentUser } from '../session.js';
import { organisationOptions, organisationName } from '../organisations.js';

export async function render(main, { params }) {
  const list = h('div', {});
  async function refresh() {
    const { data } = await get(`api/cases/${params.id}/shares`);
    const shares = await Promise.all((data.items || data).filter((s) => s.active)
      .map(async (s) => ({ ...s, organisationName: await organisationName(s.organisationId) })));
    append(clear(list), dataTable({ caption: t('shares.caption'), rows: shares, empty: t('shares.none'), columns: [
      { label: t('shares.organisation'), value: (s) => s.organisationName },
      { label: t('shares.purpose'), value: (s) => s.purpose || '' },
      { label: t('shares.scope'), value: (s) => t(`shares.scope.${s.scope}`) },
      { label: t('shares.since'), value: (s) => formatDate((s.grantedAt || '').slice(0, 10)) },
      { label: t('shares.expiresOn'), value: (s) => formatDate(s.expiresOn) },
      { label: t('shares.actions'), rowHeader: false, value: (s) => h('button', { type: 'button', class: 'button button--warning button--small', on: { click: async (e) => {
        try { await del(`api/cases/${params.id}/shares/${s.id}`); await refresh(); } catch (err) { e.target.after(h('p', { class: 'error-message' }, errorText(err))); }
      } } }, t('shares.end'), h('span', { class: 'visually-hidden' }, ` ${s.organisationName}`)) }] }));
  }
  const form = createForm({ id: 'share', submitLabel: t('shares.add'),
    fields: [
      { name: 'organisationId', type: 'select', numeric: true, label: t('shares.organisation'), hint: t('shares.organisation.hint'), required: true,
        options: await organisationOptions({ except: currentUser().organisationId }) },
      { name: 'purpose', type: 'textarea', label: t('shares.purpose'), hint: t('shares.purpose.hint'), required: true },
      { name: 'scope', type: 'radios', label: t('shares.scope'), hint: t('shares.scope.hint'), required: true,
        options: ['READ', 'READ_AND_ADD_PROCEEDINGS'].map((v) => ({ value: v, label: t(`shares.scope.${v}`) })) },
      { name: 'expiresOn', type: 'date', label: t('shares.expiresOn'), hint: t('shares.expiresOn.hint'), required: true },
    ],
    onSubmit: async (values) => { await post(`api/cases/${params.id}/shares`, values); await refresh(); } });
  await refresh();
  append(main, backLink(`#/cases/${params.id}`), pageHeading(t('shares.titleFor', params.id)), section(t('shares.add'), h('p', { class: 'hint' }, t('shares.consentNote')), form.element), section(t('shares.current'), list));
}
