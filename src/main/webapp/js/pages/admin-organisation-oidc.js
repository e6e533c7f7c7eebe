// Administration: an organisation's own OpenID provider (login through it instead of password + TOTP).
// The client secret is never entered here: the server reads it from its configuration under the name given.

import { h, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, del, ApiError } from '../api.js';
import { createForm } from '../forms.js';
import { backLink, notification } from '../components.js';
import { navigate } from '../router.js';

const ROLES = ['CASEWORKER', 'COORDINATOR', 'AUDITOR', 'ADMIN'];
const list = (text) => (text || '').split(',').map((s) => s.trim()).filter(Boolean);

/** "value=ROLE" per line, both ways. */
const mappingText = (mapping) => Object.entries(mapping || {}).map(([k, v]) => `${k}=${v}`).join('\n');
function mappingOf(text) {
  const mapping = {};
  for (const line of (text || '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    const i = line.lastIndexOf('=');
    if (i > 0) mapping[line.slice(0, i).trim()] = line.slice(i + 1).trim().toUpperCase();
  }
  return mapping;
}

export async function render(main, { params }) {
  const { data: organisations } = await get('api/admin/organisations');
  const organisation = organisations.find((o) => String(o.id) === String(params.orgId));
  if (!organisation) throw new ApiError(404, {});
  let loaded = null;
  let etag = null;
  try {
    const r = await get(`api/admin/organisations/${organisation.id}/oidc`);
    loaded = r.data; etag = r.etag;
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const fields = [
    { name: 'issuer', type: 'text', label: t('oidcAdmin.issuer'), hint: t('oidcAdmin.issuer.hint'), required: true },
    { name: 'clientId', type: 'text', label: t('oidcAdmin.clientId'), required: true, width: 'medium' },
    { name: 'clientSecretName', type: 'text', label: t('oidcAdmin.clientSecretName'), hint: t('oidcAdmin.clientSecretName.hint'), required: true, width: 'medium' },
    { name: 'emailDomains', type: 'text', label: t('oidcAdmin.emailDomains'), hint: t('oidcAdmin.emailDomains.hint') },
    { name: 'organisationClaim', type: 'text', label: t('oidcAdmin.organisationClaim'), width: 'medium' },
    { name: 'organisationClaimValue', type: 'text', label: t('oidcAdmin.organisationClaimValue'), width: 'medium' },
    { name: 'fixedRole', type: 'select', label: t('oidcAdmin.fixedRole'), hint: t('oidcAdmin.fixedRole.hint'),
      options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
    { name: 'roleClaim', type: 'text', label: t('oidcAdmin.roleClaim'), width: 'medium' },
    { name: 'roleMapping', type: 'textarea', label: t('oidcAdmin.roleMapping'), hint: t('oidcAdmin.roleMapping.hint') },
    { name: 'justInTime', type: 'yesno', label: t('oidcAdmin.justInTime'), hint: t('oidcAdmin.justInTime.hint'), required: true },
    { name: 'secondFactor', type: 'radios', label: t('oidcAdmin.secondFactor'), required: true,
      options: ['PROVIDER', 'PROVIDER_OR_TOTP', 'TOTP'].map((v) => ({ value: v, label: t(`oidcAdmin.secondFactor.${v}`) })) },
    { name: 'mfaAcrValues', type: 'text', label: t('oidcAdmin.mfaAcrValues'), hint: t('oidcAdmin.mfaAcrValues.hint') },
    { name: 'enabled', type: 'yesno', label: t('oidcAdmin.enabled'), required: true },
  ];
  const values = loaded ? {
    ...loaded, emailDomains: (loaded.emailDomains || []).join(', '), mfaAcrValues: (loaded.mfaAcrValues || []).join(', '),
    roleMapping: mappingText(loaded.roleMapping), fixedRole: loaded.fixedRole || '',
  } : { justInTime: false, secondFactor: 'PROVIDER', enabled: true };
  const messages = h('div', { class: 'form-messages' });
  const form = createForm({
    id: 'organisation-oidc',
    submitLabel: t('common.save'),
    fields,
    values,
    onSubmit: async (v) => {
      const body = {
        issuer: v.issuer, clientId: v.clientId, clientSecretName: v.clientSecretName, emailDomains: list(v.emailDomains),
        organisationClaim: v.organisationClaim || null, organisationClaimValue: v.organisationClaimValue || null,
        roleClaim: v.roleClaim || null, roleMapping: mappingOf(v.roleMapping), fixedRole: v.fixedRole || null,
        justInTime: v.justInTime, secondFactor: v.secondFactor, mfaAcrValues: list(v.mfaAcrValues), enabled: v.enabled,
      };
      const r = await put(`api/admin/organisations/${organisation.id}/oidc`, body, etag);
      loaded = r.data; etag = r.etag;
      messages.replaceChildren(notification('success', null, t('common.saved')));
    },
  });
  const remove = loaded ? h('button', { type: 'button', class: 'button button--secondary', id: 'oidc-remove',
    on: { click: async () => { await del(`api/admin/organisations/${organisation.id}/oidc`, etag); navigate(`/admin/organisations/${organisation.id}`); } } },
  t('oidcAdmin.remove')) : null;
  append(main, backLink(`#/admin/organisations/${organisation.id}`), pageHeading(t('oidcAdmin.title', organisation.name)),
    h('p', { class: 'lead' }, t('oidcAdmin.intro')),
    loaded ? notification(loaded.clientSecretConfigured ? 'info' : 'warning', null,
      t(loaded.clientSecretConfigured ? 'oidcAdmin.secretConfigured' : 'oidcAdmin.secretMissing', loaded.clientSecretName)) : null,
    messages, form.element, remove);
}
