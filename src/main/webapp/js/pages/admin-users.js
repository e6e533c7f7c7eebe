// Administration: the list of users, paged.

import { h, pageHeading, append } from '../dom.js';
import { t, yesNo } from '../i18n.js';
import { get, query } from '../api.js';
import { dataTable, pager, buttonLink } from '../components.js';

const LIMIT = 20;

export async function render(main, { query: q }) {
  const offset = Math.max(0, Number(q.get('offset')) || 0);
  const { data: page } = await get(`api/admin/users${query({ offset, limit: LIMIT })}`);
  append(main, pageHeading(t('users.title')),
    buttonLink('#/admin/users/new', t('users.add')),
    dataTable({
      caption: t('users.caption'),
      columns: [
        { label: t('users.username'), value: (u) => h('a', { href: `#/admin/users/${u.id}` }, u.username) },
        { label: t('users.role'), value: (u) => t(`role.${u.role}`) },
        { label: t('users.organisation'), value: (u) => u.organisationName },
        { label: t('users.policeUnit'), value: (u) => u.policeUnit || '–' },
        { label: t('users.enabled'), value: (u) => yesNo(u.enabled) },
        { label: t('users.secondFactor'), value: (u) => yesNo(u.secondFactorEnrolled) },
      ],
      rows: page.items,
    }),
    pager(page, (o) => `#/admin/users?offset=${o}`));
}
