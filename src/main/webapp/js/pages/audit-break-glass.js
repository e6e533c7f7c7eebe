// Auditor: break-glass grants by the organisation's users or on its cases, each to be reviewed.

import { h, pageHeading, append } from '../dom.js';
import { t, formatDateTime, formatNumber } from '../i18n.js';
import { get } from '../api.js';
import { dataTable } from '../components.js';

export async function render(main) {
  const { data: grants } = await get('api/audit/break-glass');
  const now = new Date();
  append(main, pageHeading(t('audit.breakGlass.title')), h('p', { class: 'lead' }, t('audit.breakGlass.intro')),
    dataTable({
      caption: t('audit.breakGlass.caption'), rows: grants, empty: t('audit.breakGlass.none'),
      columns: [
        { label: t('audit.breakGlass.grant'), value: (g) => formatNumber(g.id), numeric: true },
        { label: t('audit.username'), value: (g) => g.username },
        { label: t('audit.breakGlass.case'), value: (g) => h('a', { href: `#/audit/cases?case=${g.caseId}` }, t('case.numbered', g.caseId)) },
        { label: t('audit.purpose'), value: (g) => g.reason },
        { label: t('audit.breakGlass.grantedAt'), value: (g) => formatDateTime(g.grantedAt) },
        { label: t('audit.breakGlass.expiresAt'), value: (g) => formatDateTime(g.expiresAt) },
        { label: t('audit.breakGlass.status'), value: (g) => (new Date(g.expiresAt) > now
          ? h('strong', { class: 'tag tag--warning' }, t('audit.breakGlass.active')) : h('span', { class: 'tag tag--grey' }, t('audit.breakGlass.ended'))) },
      ],
    }));
}
