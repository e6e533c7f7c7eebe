// Auditor: every access to one victim's records, auditors' own reads included (the subject's
// access overview).

import { t } from '../i18n.js';
import { searchPage } from './audit-common.js';

export async function render(main, { query }) {
  await searchPage(main, {
    path: '/audit/subjects', query,
    title: t('audit.subjects.title'), intro: t('audit.subjects.intro'), caption: t('audit.subjects.caption'),
    fields: [{ name: 'victim', type: 'number', label: t('audit.subject'), hint: t('audit.subject.hint'), required: true }],
    endpoint: (values) => (/^\d+$/.test(values.victim || '') ? { path: `api/audit/subjects/${values.victim}`, params: {} } : null),
    notFound: t('audit.subjects.notFound'),
  });
}
