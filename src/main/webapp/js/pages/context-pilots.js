// Programmes and pilots (e.g. a proeftuin aangiftebereidheid): when they run, in which police units,
// and how many cases are tagged with each.

import { h, pageHeading, append } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { dataTable, pager, section, backLink, buttonLink } from '../components.js';

const PATH = '/context/pilots';
const LIMIT = 25;

export async function render(main, { query }) {
  const offset = Number(query.get('offset')) || 0;
  const page = (await get(`api/context/pilots${qs({ offset, limit: LIMIT })}`)).data;
  append(main, backLink('#/context', t('context.title')), pageHeading(t('context.pilots.title')),
    h('p', { class: 'lead' }, t('context.pilots.intro')),
    h('div', { class: 'button-group' }, buttonLink(`#${PATH}/new`, t('context.pilot.add'))),
    section(t('context.pilots.list'), dataTable({ caption: t('context.pilots.caption'), rows: page.items, empty: t('context.pilots.none'),
      columns: [
        { label: t('context.pilot.name'), value: (p) => h('a', { href: `#${PATH}/${p.id}` }, p.name) },
        { label: t('context.pilot.startsOn'), value: (p) => formatDate(p.startsOn) },
        { label: t('context.pilot.endsOn'), value: (p) => (p.endsOn ? formatDate(p.endsOn) : t('context.pilot.open')) },
        { label: t('context.pilot.units'), value: (p) => p.policeUnits.join(', ') },
        { label: t('context.pilot.taggedCases'), value: (p) => formatNumber(p.taggedCases), numeric: true }] }),
    pager(page, (o) => `#${PATH}${qs({ offset: o })}`)));
}
