// Auditor: every access to one data subject's record (the subject access overview).

import { t } from '../i18n.js';
import { searchPage, logColumns } from './audit-common.js';

export async function render(main) {
  searchPage(main, {
    title: t('audit.subjects.title'), intro: t('audit.subjects.intro'), endpoint: 'api/audit/subjects', caption: t('audit.subjects.caption'),
    columns: logColumns(),
    fields: [{ name: 'subject', type: 'text', label: t('audit.subject'), hint: t('audit.subject.hint'), required: true, width: 'medium' }],
  });
}
