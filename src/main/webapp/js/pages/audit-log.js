// Auditor: search the access log (reading it is itself logged by the server).

import { t } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { searchPage, logColumns } from './audit-common.js';

export async function render(main) {
  searchPage(main, {
    title: t('audit.log.title'), intro: t('audit.log.intro'), endpoint: 'api/audit/log', caption: t('audit.log.caption'),
    columns: logColumns(),
    fields: [
      { name: 'actor', type: 'text', label: t('audit.actor'), width: 'medium' },
      { name: 'action', type: 'select', label: t('audit.action'), options: enumOptions('auditAction', ['CREATE', 'READ', 'UPDATE', 'DELETE', 'SEARCH', 'EXPORT', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT']) },
      { name: 'from', type: 'date', label: t('audit.from') },
      { name: 'to', type: 'date', label: t('audit.to') },
    ],
  });
}
