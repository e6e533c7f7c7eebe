// Administration: create a user, or change a user's role, police unit, status or second factor.
// Editing uses the version the page loaded (If-Match); a 412 shows what changed meanwhile.

import { h, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { post, put, ApiError } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink, summaryList, notification } from '../components.js';
import { navigate } from '../router.js';
import { roleOptions, policeUnitOptions, organisationOptions, findUser, etagOf } from './admin-common.js';

export async function render(main, { params }) {
  const units = await policeUnitOptions();
  if (params.userId) await renderEdit(main, params.userId, units);
  else await renderCreate(main, units);
}

async function renderCreate(main, units) {
  const form = createForm({
    id: 'user-create',
    submitLabel: t('users.create'),
    fields: [
      { name: 'username', type: 'text', label: t('users.username'), hint: t('users.username.hint'), required: true, width: 'medium' },
      { name: 'password', type: 'password', label: t('users.password'), hint: t('users.password.hint'), required: true, width: 'medium', autocomplete: 'new-password' },
      { name: 'role', type: 'radios', label: t('users.role'), required: true, options: roleOptions() },
      { name: 'organisationId', type: 'select', label: t('users.organisation'), required: true, numeric: true, options: await organisationOptions() },
      { name: 'policeUnit', type: 'select', label: t('users.policeUnit'), hint: t('users.policeUnit.hint'), options: units },
    ],
    onSubmit: async (values) => {
      await post('api/admin/users', values);
      navigate('/admin/users');
    },
  });
  append(main, backLink('#/admin/users'), pageHeading(t('users.addTitle')), form.element);
}

async function renderEdit(main, id, units) {
  let loaded = await findUser(id);
  if (!loaded) throw new ApiError(404, {});
  let etag = etagOf(loaded);
  const fields = [
    { name: 'role', type: 'radios', label: t('users.role'), required: true, options: roleOptions() },
    { name: 'policeUnit', type: 'select', label: t('users.policeUnit'), hint: t('users.policeUnit.hint'), options: units },
    { name: 'enabled', type: 'yesno', label: t('users.enabled'), hint: t('users.enabled.hint'), required: true },
    { name: 'resetSecondFactor', type: 'checkbox', label: t('users.resetSecondFactor'), hint: t('users.resetSecondFactor.hint') },
  ];
  const saved = h('div', { class: 'form-messages', id: 'saved-message' });
  const form = createForm({
    id: 'user-edit',
    submitLabel: t('common.save'),
    fields,
    values: loaded,
    onSubmit: async (values) => {
      const { data, etag: newTag } = await put(`api/admin/users/${id}`, { ...values, resetSecondFactor: Boolean(values.resetSecondFactor) }, etag);
      loaded = data;
      etag = newTag || etagOf(data);
      saved.replaceChildren(notification('success', null, t('common.saved')));
      saved.querySelector('.notification').setAttribute('tabindex', '-1');
      saved.querySelector('.notification').focus();
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded,
      reload: async () => { const data = await findUser(id); return { data, etag: etagOf(data) }; },
      adopt: (latest) => { loaded = latest.data; etag = latest.etag; },
    }),
  });
  append(main, backLink('#/admin/users'), pageHeading(t('users.editTitle', loaded.username)),
    summaryList([[t('users.organisation'), loaded.organisationName], [t('users.secondFactor'), loaded.secondFactorEnrolled ? t('common.yes') : t('common.no')]]),
    saved, form.element);
}
