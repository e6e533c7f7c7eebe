// Administration: create or edit an organisation (If-Match on edit; 412 shows what changed).

import { h, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, put, ApiError } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink, notification } from '../components.js';
import { navigate } from '../router.js';
import { organisationTypeOptions, policeUnitOptions, etagOf } from './admin-common.js';

async function find(id) {
  const { data } = await get('api/admin/organisations');
  return data.find((o) => String(o.id) === String(id)) || null;
}

export async function render(main, { params }) {
  const units = await policeUnitOptions();
  const common = [
    { name: 'name', type: 'text', label: t('organisations.name'), required: true },
    { name: 'type', type: 'radios', label: t('organisations.type'), required: true, options: organisationTypeOptions() },
    { name: 'policeUnit', type: 'select', label: t('organisations.policeUnit'), hint: t('organisations.policeUnit.hint'), options: units },
  ];
  if (!params.orgId) {
    const form = createForm({
      id: 'organisation-create',
      submitLabel: t('organisations.create'),
      fields: [{ name: 'code', type: 'text', label: t('organisations.code'), hint: t('organisations.code.hint'), required: true, width: 'medium' }, ...common],
      onSubmit: async (values) => { await post('api/admin/organisations', values); navigate('/admin/organisations'); },
    });
    append(main, backLink('#/admin/organisations'), pageHeading(t('organisations.addTitle')), form.element);
    return;
  }
  let loaded = await find(params.orgId);
  if (!loaded) throw new ApiError(404, {});
  let etag = etagOf(loaded);
  const fields = [...common, { name: 'enabled', type: 'yesno', label: t('organisations.enabled'), required: true }];
  const saved = h('div', { class: 'form-messages' });
  const form = createForm({
    id: 'organisation-edit',
    submitLabel: t('common.save'),
    fields,
    values: loaded,
    onSubmit: async (values) => {
      const r = await put(`api/admin/organisations/${loaded.id}`, values, etag);
      loaded = r.data; etag = r.etag || etagOf(r.data);
      saved.replaceChildren(notification('success', null, t('common.saved')));
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded,
      reload: async () => { const data = await find(loaded.id); return { data, etag: etagOf(data) }; },
      adopt: (latest) => { loaded = latest.data; etag = latest.etag; },
    }),
  });
  append(main, backLink('#/admin/organisations'), pageHeading(t('organisations.editTitle', loaded.name)), saved, form.element,
    h('p', {}, h('a', { href: `#/admin/organisations/${loaded.id}/oidc`, id: 'organisation-oidc-link' }, t('organisations.oidcLink'))));
}
