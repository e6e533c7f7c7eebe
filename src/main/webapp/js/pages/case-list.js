// The case list with filters, free-text search, sorting and paging. The filters live in the URL,
// so the back button and a bookmark bring the same list back.

import { h, pageHeading, append } from '../dom.js';
import { t, formatDate, enumLabel } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { createForm } from '../forms.js';
import { dataTable, pager, buttonLink } from '../components.js';
import { navigate } from '../router.js';
import { currentUser } from '../session.js';
import { codeOptions, policeUnits, courtDistricts } from '../reference.js';
import { municipalityOptions } from './case-common.js';

const LIMIT = 20;
const FILTERS = ['q', 'teamType', 'municipality', 'policeUnit', 'courtDistrict', 'origin', 'status', 'exploitationForm', 'openedFrom', 'openedTo', 'sort'];

export async function render(main, { query }) {
  const filters = {};
  FILTERS.forEach((f) => { if (query.get(f)) filters[f] = query.get(f); });
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const form = createForm({
    id: 'case-filters',
    submitLabel: t('cases.filter'),
    fields: [
      { name: 'municipality', type: 'select', label: t('case.municipality'), options: await municipalityOptions(), placeholder: t('cases.all') },
      { name: 'policeUnit', type: 'select', label: t('case.policeUnit'), placeholder: t('cases.all'),
        options: (await policeUnits()).map((u) => ({ value: u.code, label: u.name })) },
      { name: 'courtDistrict', type: 'select', label: t('case.courtDistrict'), placeholder: t('cases.all'),
        options: (await courtDistricts()).map((c) => ({ value: c.code, label: c.name })) },
      { name: 'origin', type: 'select', label: t('case.origin'), placeholder: t('cases.all'), options: await codeOptions('ORIGIN') },
      { name: 'teamType', type: 'select', label: t('case.teamType'), placeholder: t('cases.all'), options: await codeOptions('TEAM_TYPE') },
      { name: 'status', type: 'select', label: t('case.status'), placeholder: t('cases.all'), options: await codeOptions('CASE_STATUS') },
      { name: 'exploitationForm', type: 'select', label: t('case.exploitationForm'), placeholder: t('cases.all'), options: await codeOptions('EXPLOITATION_FORM') },
      { name: 'openedFrom', type: 'date', label: t('cases.openedFrom'), hint: t('date.hint') },
      { name: 'openedTo', type: 'date', label: t('cases.openedTo'), hint: t('date.hint') },
      { name: 'sort', type: 'select', label: t('cases.sort'), placeholder: t('cases.sort.newest'),
        options: [{ value: 'openedOn,asc', label: t('cases.sort.oldest') }, { value: 'id,desc', label: t('cases.sort.number') }] },
    ],
    values: filters,
    onSubmit: async (values) => navigate(`/cases${qs({ ...values, q: filters.q })}`),
  });
  const details = h('details', { class: 'filters', open: Object.keys(filters).some((f) => f !== 'q') },
    h('summary', { class: 'filters__summary' }, t('cases.filters')), form.element);
  // Free text (a case number or part of a municipality's name) stands apart from the filters and keeps them.
  const search = createForm({
    id: 'case-search', submitLabel: t('cases.search'),
    fields: [{ name: 'q', type: 'text', label: t('cases.search.label'), hint: t('cases.search.hint'), width: 'medium', autocomplete: 'off' }],
    values: filters,
    onSubmit: async ({ q }) => navigate(`/cases${qs({ ...filters, q })}`),
  });
  search.element.setAttribute('role', 'search');

  const units = new Map((await policeUnits()).map((u) => [u.code, u.name]));
  const { data: page } = await get(`api/cases${qs({ ...filters, sort: filters.sort || 'openedOn,desc', offset, limit: LIMIT })}`);
  append(main, pageHeading(t('cases.title')),
    currentUser().role === 'CASEWORKER' ? buttonLink('#/cases/new', t('nav.newCase')) : null,
    search.element,
    details,
    dataTable({
      caption: t('cases.caption'),
      columns: [
        { label: t('case.number'), value: (c) => h('a', { href: `#/cases/${c.id}` }, t('case.numbered', c.id)) },
        { label: t('case.openedOn'), value: (c) => formatDate(c.openedOn) },
        { label: t('case.municipality'), value: (c) => c.municipalityName || c.municipalityCode },
        { label: t('case.policeUnit'), value: (c) => units.get(c.policeUnit) || c.policeUnit || '' },
        { label: t('case.origin'), value: (c) => enumLabel('origin', c.origin) },
        { label: t('case.status'), value: (c) => enumLabel('status', c.status) },
      ],
      rows: page.items,
      empty: t('cases.none'),
    }),
    pager(page, (o) => `#/cases${qs({ ...filters, offset: o })}`));
}
