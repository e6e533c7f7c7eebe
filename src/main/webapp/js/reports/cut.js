// A report's cut — period, region level and filters — as a form whose state lives in the page's URL
// query, so a report can be bookmarked and reloaded. The query uses the API's own parameter names,
// so the page passes it on unchanged (only the names the API knows). Measures 4–6 also take the
// victim's age group and the municipality level, whose municipalities lie within one police unit. The
// filters' code lists (origin, form, team, age group) come from the reference data (api/reference/codes).

import { t } from '../i18n.js';
import { query as qs } from '../api.js';
import { createForm, enumOptions } from '../forms.js';
import { navigate } from '../router.js';
import { codeOptions, policeUnits } from '../reference.js';

export const LEVELS = ['POLICE_UNIT', 'COURT_DISTRICT', 'PROSECUTION_OFFICE'];
export const MEASURE_LEVELS = [...LEVELS, 'MUNICIPALITY'];
const PERIODS = ['ALL', 'YEAR', 'QUARTER', 'RANGE'];
const API_PARAMETERS = ['year', 'quarter', 'from', 'to', 'level', 'origin', 'form', 'team'];
/** What the API of measures 4–6 takes besides. */
export const MEASURE_PARAMETERS = [...API_PARAMETERS, 'ageGroup', 'unit'];
const FIRST_YEAR = 2015;

export function years() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => String(now - i));
}

function quarters() {
  return years().flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`));
}

/** The part of the page query the report API takes, as a query string. */
export function apiQuery(query, names = API_PARAMETERS) {
  const params = {};
  for (const name of names) params[name] = query.get(name);
  return qs(params);
}

function periodOf(query) {
  if (query.has('year')) return 'YEAR';
  if (query.has('quarter')) return 'QUARTER';
  if (query.has('from') || query.has('to')) return 'RANGE';
  return 'ALL';
}

/** The period in words, e.g. "2022", "2023-Q2", "2021-Q2 t/m 2022-Q3" or "alle jaren". */
export function periodText(query) {
  switch (periodOf(query)) {
    case 'YEAR': return query.get('year');
    case 'QUARTER': return query.get('quarter');
    case 'RANGE': return t('report.period.range', query.get('from') || '…', query.get('to') || '…');
    default: return t('report.period.all');
  }
}

/** Optional select fields for the filters ('origin', 'form', 'team', 'ageGroup'); empty means all. */
export async function filterFields(names) {
  const optional = (name, label, options) => ({ name, type: 'select', label, options, placeholder: t(`report.filter.all.${name}`) });
  const choices = {
    origin: async () => optional('origin', t('case.origin'), await codeOptions('ORIGIN')),
    form: async () => optional('form', t('case.exploitationForm'), await codeOptions('EXPLOITATION_FORM')),
    team: async () => optional('team', t('case.teamType'), await codeOptions('TEAM_TYPE')),
    ageGroup: async () => optional('ageGroup', t('report.ageGroup'), await codeOptions('AGE_GROUP')),
  };
  return Promise.all(names.map((f) => choices[f]()));
}

/**
 * The cut form. options: {id, path, query, filters: ['origin', 'form', 'team', 'ageGroup'],
 * levels (MEASURE_LEVELS adds the municipalities of a chosen police unit),
 * extra: [field] (page-specific fields such as the throughput interval, also kept in the query;
 * field.default is their value when the query has none)}
 */
export async function cutForm({ id, path, query, filters = [], levels = LEVELS, extra = [] }) {
  const plain = (list) => list.map((v) => ({ value: v, label: v }));
  const fields = [
    ...extra,
    { name: 'period', type: 'radios', label: t('report.period'), required: true, options: enumOptions('report.period', PERIODS) },
    { name: 'year', type: 'select', label: t('report.year'), required: true, options: plain(years()), showIf: { field: 'period', value: 'YEAR' } },
    { name: 'quarter', type: 'select', label: t('report.quarter'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'QUARTER' } },
    { name: 'from', type: 'select', label: t('report.from'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'RANGE' } },
    { name: 'to', type: 'select', label: t('report.to'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'RANGE' } },
    { name: 'level', type: 'radios', label: t('coordinator.level'), required: true, options: enumOptions('coordinator.level', levels) },
    ...(levels.includes('MUNICIPALITY') ? [{ name: 'unit', type: 'select', label: t('report.unit'), required: true,
      options: (await policeUnits()).map((u) => ({ value: u.code, label: u.name })), showIf: { field: 'level', value: 'MUNICIPALITY' } }] : []),
    ...await filterFields(filters),
  ];
  const values = { period: periodOf(query), level: query.get('level') || 'POLICE_UNIT' };
  for (const f of fields) {
    if (f.name !== 'period' && f.name !== 'level') values[f.name] = query.get(f.name) ?? f.default;
  }
  return createForm({
    id, fields, values, submitLabel: t('report.show'),
    onSubmit: async (v) => {
      const { period, ...rest } = v;
      navigate(`${path}${qs(rest)}`); // hidden period fields are left out by the form itself
    },
  });
}
