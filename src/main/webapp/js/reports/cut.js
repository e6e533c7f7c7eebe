// A report's cut — period, region level and filters — as a form whose state lives in the page's URL
// query, so a report can be bookmarked and reloaded. The query uses the API's own parameter names,
// so the page passes it on unchanged (only the names the API knows).

import { t } from '../i18n.js';
import { query as qs } from '../api.js';
import { createForm, enumOptions } from '../forms.js';
import { navigate } from '../router.js';
import { codeOptions } from '../reference.js';

const LEVELS = ['POLICE_UNIT', 'COURT_DISTRICT', 'PROSECUTION_OFFICE'];
const ORIGINS = ['AANGIFTE', 'AMBTSHALVE', 'SIGNAL', 'DIGITAL', 'DECOY'];
const TEAMS = ['AVIM', 'ZEDEN', 'OTHER'];
const PERIODS = ['ALL', 'YEAR', 'QUARTER', 'RANGE'];
const API_PARAMETERS = ['year', 'quarter', 'from', 'to', 'level', 'origin', 'form', 'team'];
const FIRST_YEAR = 2015;

export function years() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => String(now - i));
}

function quarters() {
  return years().flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`));
}

/** The part of the page query the report API takes, as a query string. */
export function apiQuery(query) {
  const params = {};
  for (const name of API_PARAMETERS) params[name] = query.get(name);
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

/** Optional select fields for the filters ('origin', 'form', 'team'); empty means all. */
export async function filterFields(names) {
  const optional = (name, label, options) => ({ name, type: 'select', label, options, placeholder: t(`report.filter.all.${name}`) });
  const choices = {
    origin: () => optional('origin', t('case.origin'), enumOptions('origin', ORIGINS)),
    form: async () => optional('form', t('case.exploitationForm'), await codeOptions('EXPLOITATION_FORM')),
    team: () => optional('team', t('case.teamType'), enumOptions('teamType', TEAMS)),
  };
  return Promise.all(names.map((f) => choices[f]()));
}

/**
 * The cut form. options: {id, path, query, filters: ['origin', 'form', 'team'],
 * extra: [field] (page-specific fields such as the throughput interval, also kept in the query;
 * field.default is their value when the query has none)}
 */
export async function cutForm({ id, path, query, filters = [], extra = [] }) {
  const plain = (list) => list.map((v) => ({ value: v, label: v }));
  const fields = [
    ...extra,
    { name: 'period', type: 'radios', label: t('report.period'), required: true, options: enumOptions('report.period', PERIODS) },
    { name: 'year', type: 'select', label: t('report.year'), required: true, options: plain(years()), showIf: { field: 'period', value: 'YEAR' } },
    { name: 'quarter', type: 'select', label: t('report.quarter'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'QUARTER' } },
    { name: 'from', type: 'select', label: t('report.from'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'RANGE' } },
    { name: 'to', type: 'select', label: t('report.to'), required: true, options: plain(quarters()), showIf: { field: 'period', value: 'RANGE' } },
    { name: 'level', type: 'radios', label: t('coordinator.level'), required: true, options: enumOptions('coordinator.level', LEVELS) },
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
