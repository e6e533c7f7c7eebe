// Administration: the partner organisations.

import { h, pageHeading, append } from '../dom.js';
import { t, yesNo, enumLabel } from '../i18n.js';
import { get } from '../api.js';
import { dataTable, buttonLink } from '../components.js';

export async function render(main) {
  const { data } = await get('api/admin/organisations');
  append(main, pageHeading(t('organisations.title')),
    buttonLink('#/admin/organisations/new', t('organisations.add')),
    dataTable({
      caption: t('organisations.caption'),
      columns: [
        { label: t('organisations.name'), value: (o) => h('a', { href: `#/admin/organisations/${o.id}` }, o.name) },
        { label: t('organisations.code'), value: (o) => o.code },
        { label: t('organisations.type'), value: (o) => enumLabel('organisationType', o.type) },
        { label: t('organisations.policeUnit'), value: (o) => o.policeUnit || '–' },
        { label: t('organisations.enabled'), value: (o) => yesNo(o.enabled) },
      ],
      rows: data,
    }));
}
