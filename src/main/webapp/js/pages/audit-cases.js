// Auditor: what is needed to judge an access to a case, without its content — owner, region, state,
// with whom and how it was shared, and the break-glass grants on it. Looking it up is logged.

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatDate, formatDateTime, enumLabel } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { createForm, errorText } from '../forms.js';
import { dataTable, notification, section, summaryList } from '../components.js';
import { navigate } from '../router.js';
import { regionName } from '../reference.js';

export async function render(main, { query }) {
  const caseId = query.get('case') || '';
  const form = createForm({ id: 'audit-case', submitLabel: t('audit.search'), values: caseId ? { case: caseId } : {},
    fields: [{ name: 'case', type: 'number', label: t('audit.case.number'), hint: t('audit.case.hint'), required: true }],
    onSubmit: async (v) => navigate(`/audit/cases${qs(v)}`) });
  const result = h('div', { id: 'audit-result' });
  append(main, pageHeading(t('audit.case.title')), h('p', { class: 'lead' }, t('audit.case.intro')), form.element, result);
  if (!/^\d+$/.test(caseId)) return;
  try {
    const { data: c } = await get(`api/audit/cases/${caseId}`);
    append(clear(result),
      section(t('case.numbered', c.caseId), summaryList([
        [t('audit.case.owner'), c.ownerOrganisationName],
        [t('case.policeUnit'), await regionName('policeUnits', c.policeUnit)],
        [t('case.openedOn'), formatDate(c.openedOn)],
        [t('audit.case.status'), enumLabel('status', c.status)],
        c.closedOn ? [t('case.closedOn'), formatDate(c.closedOn)] : null,
      ])),
      section(t('shares.title'), dataTable({ caption: t('shares.caption'), rows: c.shares, empty: t('shares.none'), columns: [
        { label: t('shares.organisation'), value: (s) => s.organisationName },
        { label: t('shares.scope'), value: (s) => t(`shares.scope.${s.scope}`) },
        { label: t('shares.purpose'), value: (s) => s.purpose },
        { label: t('shares.since'), value: (s) => formatDateTime(s.grantedAt) },
        { label: t('shares.expiresOn'), value: (s) => formatDate(s.expiresOn) },
        { label: t('audit.case.revokedAt'), value: (s) => (s.revokedAt ? formatDateTime(s.revokedAt) : '') }] })),
      section(t('audit.breakGlass.title'), dataTable({ caption: t('audit.breakGlass.caption'), rows: c.breakGlass,
        empty: t('audit.breakGlass.none'), columns: [
          { label: t('audit.case.user'), value: (g) => h('code', { class: 'code' }, `user:${g.userId}`) },
          { label: t('audit.purpose'), value: (g) => g.reason },
          { label: t('audit.breakGlass.grantedAt'), value: (g) => formatDateTime(g.grantedAt) },
          { label: t('audit.breakGlass.expiresAt'), value: (g) => formatDateTime(g.expiresAt) }] })));
  } catch (error) {
    append(clear(result), notification(error.status === 404 ? 'info' : 'error', null,
      error.status === 404 ? t('audit.case.notFound') : errorText(error)));
  }
}
