// Auditor: all break-glass accesses, flagged in the log.

import { t } from '../i18n.js';
import { searchPage, logColumns } from './audit-common.js';

export async function render(main) {
  searchPage(main, {
    title: t('audit.breakGlass.title'), intro: t('audit.breakGlass.intro'), endpoint: 'api/audit/break-glass', caption: t('audit.breakGlass.caption'),
    columns: [...logColumns(), { label: t('audit.purpose'), value: (e) => e.purpose || '' }],
    fields: [{ name: 'from', type: 'date', label: t('audit.from') }, { name: 'to', type: 'date', label: t('audit.to') }],
    runImmediately: true,
  });
}
