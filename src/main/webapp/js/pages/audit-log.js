// Auditor: search the accesses by the own organisation's people and every access by anyone to its
// records, refusals included (the search itself is logged by the server).

import { t } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { searchPage, ACTIONS } from './audit-common.js';

export async function render(main, { query }) {
  await searchPage(main, {
    path: '/audit/log', query,
    title: t('audit.log.title'), intro: t('audit.log.intro'), caption: t('audit.log.caption'),
    fields: [
      { name: 'username', type: 'text', label: t('audit.username'), width: 'medium' },
      { name: 'actor', type: 'text', label: t('audit.actorId'), hint: t('audit.actorId.hint'), width: 'medium' },
      { name: 'action', type: 'select', label: t('audit.action'), placeholder: t('audit.anyAction'), options: enumOptions('auditAction', ACTIONS) },
      { name: 'subject', type: 'number', label: t('audit.subject'), hint: t('audit.subject.hint') },
      { name: 'from', type: 'date', label: t('audit.from'), hint: t('date.hint') },
      { name: 'to', type: 'date', label: t('audit.to'), hint: t('date.hint') },
    ],
    endpoint: (values) => ({ path: 'api/audit/log', params: values }),
  });
}
