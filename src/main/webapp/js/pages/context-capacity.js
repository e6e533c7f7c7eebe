// Capacity per police unit and year: the current values, filtered and paged, and a way to open one
// to change it (or to enter it for the first time).

import { h, pageHeading, append } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { createForm } from '../forms.js';
import { dataTable, pager, section, backLink } from '../components.js';
import { navigate } from '../router.js';
import { contextYears, plainOptions, unitOptions, unitName, formatFte, actorText } from './context-common.js';

const PATH = '/context/capacity';
const LIMIT = 25;

export async function render(main, { query }) {
  const units = await unitOptions();
  const filter = { policeUnit: query.get('policeUnit') || '', year: query.get('year') || '' };
  const offset = Number(query.get('offset')) || 0;
  const page = (await get(`api/context/capacity${qs({ ...filter, offset, limit: LIMIT })}`)).data;
  const rows = await Promise.all(page.items.map(async (r) => ({ ...r, unitName: await unitName(r.policeUnit) })));
  const filterForm = createForm({
    id: 'capacity-filter', submitLabel: t('context.filter'), values: filter,
    fields: [{ name: 'policeUnit', type: 'select', label: t('context.policeUnit'), options: units, placeholder: t('context.allUnits') },
      { name: 'year', type: 'select', label: t('context.year'), options: plainOptions(contextYears()), placeholder: t('context.allYears') }],
    onSubmit: async (v) => navigate(`${PATH}${qs(v)}`),
  });
  const open = createForm({
    id: 'capacity-open', submitLabel: t('context.open'), values: { policeUnit: units.length === 1 ? units[0].value : '' },
    fields: [{ name: 'policeUnit', type: 'select', label: t('context.policeUnit'), required: true, options: units },
      { name: 'year', type: 'select', label: t('context.year'), required: true, options: plainOptions(contextYears()) }],
    onSubmit: async (v) => navigate(`${PATH}/${v.policeUnit}/${v.year}`),
  });
  append(main, backLink('#/context', t('context.title')), pageHeading(t('context.capacity.title')),
    h('p', { class: 'lead' }, t('context.capacity.intro')),
    section(t('context.capacity.open'), h('p', {}, t('context.capacity.openHint')), open.element),
    section(t('context.capacity.list'), filterForm.element,
      dataTable({ caption: t('context.capacity.caption'), rows, empty: t('context.none'),
        columns: [
          { label: t('context.policeUnit'), value: (r) => h('a', { href: `#${PATH}/${r.policeUnit}/${r.year}` }, `${r.unitName} ${r.year}`) },
          { label: t('context.fte.avim'), value: (r) => formatFte(r.avim), numeric: true },
          { label: t('context.fte.zeden'), value: (r) => formatFte(r.zeden), numeric: true },
          { label: t('context.fte.digital'), value: (r) => formatFte(r.digital), numeric: true },
          { label: t('context.fte.psychologists'), value: (r) => formatFte(r.psychologists), numeric: true },
          { label: t('context.version'), value: (r) => String(r.version), numeric: true },
          { label: t('context.changedAt'), value: (r) => `${formatDateTime(r.changedAt)} (${actorText(r.changedBy)})` }] }),
      pager(page, (o) => `#${PATH}${qs({ ...filter, offset: o })}`)));
}
