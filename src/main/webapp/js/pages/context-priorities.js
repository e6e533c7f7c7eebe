// Local priorities: whether trafficking is a priority in a municipality's local safety plan, per
// year, filtered and paged, and a way to open one to change it (or enter it for the first time).

import { h, pageHeading, append } from '../dom.js';
import { t, formatDateTime, yesNo } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { createForm } from '../forms.js';
import { dataTable, pager, section, backLink } from '../components.js';
import { navigate } from '../router.js';
import { municipalities } from '../reference.js';
import { currentUser } from '../session.js';
import { contextYears, plainOptions, unitOptions, actorText } from './context-common.js';

const PATH = '/context/priorities';
const LIMIT = 25;

export async function render(main, { query }) {
  const own = currentUser().role === 'COORDINATOR' ? currentUser().policeUnit : null;
  const units = await unitOptions();
  const places = (await municipalities()).filter((m) => !own || m.policeUnit === own)
    .map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })).sort((a, b) => a.label.localeCompare(b.label));
  const filter = { policeUnit: query.get('policeUnit') || '', year: query.get('year') || '', priority: query.get('priority') || '' };
  const offset = Number(query.get('offset')) || 0;
  const page = (await get(`api/context/priorities${qs({ ...filter, offset, limit: LIMIT })}`)).data;
  const filterForm = createForm({
    id: 'priority-filter', submitLabel: t('context.filter'), values: filter,
    fields: [{ name: 'policeUnit', type: 'select', label: t('context.policeUnit'), options: units, placeholder: t('context.allUnits') },
      { name: 'year', type: 'select', label: t('context.year'), options: plainOptions(contextYears()), placeholder: t('context.allYears') },
      { name: 'priority', type: 'select', label: t('context.priority'), placeholder: t('context.priority.any'),
        options: [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] }],
    onSubmit: async (v) => navigate(`${PATH}${qs(v)}`),
  });
  const open = createForm({
    id: 'priority-open', submitLabel: t('context.open'),
    fields: [{ name: 'municipalityCode', type: 'select', label: t('context.municipality'), required: true, options: places },
      { name: 'year', type: 'select', label: t('context.year'), required: true, options: plainOptions(contextYears()) }],
    onSubmit: async (v) => navigate(`${PATH}/${v.municipalityCode}/${v.year}`),
  });
  append(main, backLink('#/context', t('context.title')), pageHeading(t('context.priorities.title')),
    h('p', { class: 'lead' }, t('context.priorities.intro')),
    section(t('context.priorities.open'), h('p', {}, t('context.priorities.openHint')), open.element),
    section(t('context.priorities.list'), filterForm.element,
      dataTable({ caption: t('context.priorities.caption'), rows: page.items, empty: t('context.none'),
        columns: [
          { label: t('context.municipality'), value: (r) => h('a', { href: `#${PATH}/${r.municipalityCode}/${r.year}` }, `${r.municipalityName} ${r.year}`) },
          { label: t('context.policeUnit'), value: (r) => r.policeUnit },
          { label: t('context.priority'), value: (r) => yesNo(r.priority) },
          { label: t('context.version'), value: (r) => String(r.version), numeric: true },
          { label: t('context.changedAt'), value: (r) => `${formatDateTime(r.changedAt)} (${actorText(r.changedBy)})` }] }),
      pager(page, (o) => `#${PATH}${qs({ ...filter, offset: o })}`)));
}
