// Measure 7: indicators (a report counter with filters) and their targets per year, nationally or
// per police unit, and the actual figure against the target per year and region.

import { h, append, pageHeading } from '../dom.js';
import { t, enumLabel, formatNumber, yesNo } from '../i18n.js';
import { get, post, put, query as qs } from '../api.js';
import { createForm } from '../forms.js';
import { dataTable, section } from '../components.js';
import { navigate } from '../router.js';
import { policeUnits } from '../reference.js';
import { bars } from '../charts/bars.js';
import { countCell } from '../reports/tables.js';
import { load } from '../reports/regional.js';
import { years, filterFields } from '../reports/cut.js';

const PATH = '/reports/indicators';
const METRICS = ['cases', 'victims', 'suspects', 's_in_view', 's_om_inflow', 's_summons', 's_conviction', 's_custody',
  'clients', 'c_om_inflow', 'c_summons', 'c_conviction', 'c_custody', 'c_age_check'];
const plain = (list) => list.map((v) => ({ value: v, label: v }));

function filtersText(i) {
  return [i.origin && enumLabel('origin', i.origin), i.form, i.team && enumLabel('teamType', i.team)].filter(Boolean).join(', ') || t('report.filter.none');
}

export async function render(main, { query, user, refresh }) {
  const [indicators, units] = await Promise.all([get('api/indicators').then((r) => r.data), policeUnits()]);
  const unitName = (code) => (code === 'NL' || !code ? t('report.national') : (units.find((u) => u.code === code) || {}).name || code);
  const now = new Date().getFullYear();
  const from = years().includes(query.get('from')) ? query.get('from') : String(now - 4);
  const to = years().includes(query.get('to')) ? query.get('to') : String(now);
  const chosen = indicators.find((i) => String(i.id) === query.get('indicator')) || indicators[0];
  append(main, pageHeading(t('report.indicators.title')), h('p', { class: 'lead' }, t('report.indicators.intro')),
    section(t('report.indicators.list'), dataTable({
      caption: t('report.indicators.list'), rows: indicators, empty: t('report.indicators.none'),
      columns: [{ label: t('report.indicator.name'), value: (i) => h('a', { href: `#${PATH}${qs({ indicator: i.id, from, to })}` }, i.name) },
        { label: t('report.indicator.metric'), value: (i) => t(`report.metric.${i.metric}`) },
        { label: t('report.indicator.filters'), value: filtersText },
        { label: t('report.indicator.targets'), value: (i) => formatNumber(i.targets.length), numeric: true }] })));
  if (chosen) await renderResults(main, chosen, indicators, { from, to, unitName, units, user, refresh });
  if (!user.policeUnit) append(main, await defineForm());
}

async function renderResults(main, indicator, indicators, { from, to, unitName, units, user, refresh }) {
  const choice = createForm({
    id: 'indicator-choice', submitLabel: t('report.show'), values: { indicator: String(indicator.id), from, to },
    fields: [
      { name: 'indicator', type: 'select', label: t('report.indicator'), required: true, options: indicators.map((i) => ({ value: String(i.id), label: i.name })) },
      { name: 'from', type: 'select', label: t('report.fromYear'), required: true, options: plain(years()) },
      { name: 'to', type: 'select', label: t('report.toYear'), required: true, options: plain(years()) },
    ],
    onSubmit: async (v) => navigate(`${PATH}${qs(v)}`),
  });
  const title = t('report.indicators.chart', indicator.name);
  append(main, h('section', { class: 'section', id: 'indicator-results' }, h('h2', { class: 'section__title' }, title), choice.element));
  const results = await load(`api/indicators/${indicator.id}/results${qs({ from, to })}`, choice);
  if (!results) return;
  const regions = ['NL', ...new Set(results.rows.map((r) => r.region).filter((r) => r !== 'NL'))];
  const display = (r) => (r.actual === null ? r.actualDisplay : formatNumber(r.actual));
  append(main.querySelector('#indicator-results'),
    h('p', {}, t('report.suppressionNote', results.k)),
    h('div', { class: 'report-chart' },
      bars({ title, desc: t('report.indicators.desc'), number: formatNumber, xLabel: t(`report.metric.${results.metric}`), className: 'chart--targets',
        groups: regions.map((region) => ({ label: unitName(region), bars: results.rows.filter((r) => r.region === region).map((r) => ({
          label: String(r.year), value: r.actual, display: display(r), target: r.target,
          targetDisplay: r.target === null ? null : t('report.targetShort', formatNumber(r.target)) })) })) }),
      dataTable({ caption: t('report.table.indicator', title), rows: results.rows,
        columns: [{ label: t('report.region'), value: (r) => `${unitName(r.region)} ${r.year}` },
          { label: t('report.actual'), value: (r) => countCell({ value: r.actual, display: r.actualDisplay }), numeric: true },
          { label: t('report.target'), value: (r) => (r.target === null ? '–' : formatNumber(r.target)), numeric: true },
          { label: t('report.met'), value: (r) => (r.met === null ? '–' : yesNo(r.met)) }] })),
    targetForm(indicator, units, user, refresh));
}

function targetForm(indicator, units, user, refresh) {
  const unitOptions = units.filter((u) => !user.policeUnit || u.code === user.policeUnit).map((u) => ({ value: u.code, label: u.name }));
  const form = createForm({
    id: 'indicator-target', submitLabel: t('report.target.save'),
    values: { policeUnit: user.policeUnit || '' },
    fields: [
      { name: 'year', type: 'select', label: t('report.year'), required: true, options: plain(years()) },
      { name: 'policeUnit', type: 'select', label: t('report.target.unit'), required: Boolean(user.policeUnit), options: unitOptions,
        placeholder: t('report.national'), hint: t('report.target.unitHint') },
      { name: 'target', type: 'number', label: t('report.target'), required: true },
    ],
    onSubmit: async (v) => {
      await put(`api/indicators/${indicator.id}/targets`, { year: Number(v.year), policeUnit: v.policeUnit || null, target: v.target });
      await refresh();
    },
  });
  return h('div', {}, h('h3', {}, t('report.target.title')), form.element);
}

async function defineForm() {
  const form = createForm({
    id: 'indicator-define', submitLabel: t('report.indicator.define'),
    fields: [
      { name: 'name', type: 'text', label: t('report.indicator.name'), required: true, hint: t('report.indicator.nameHint') },
      { name: 'metric', type: 'select', label: t('report.indicator.metric'), required: true, options: METRICS.map((m) => ({ value: m, label: t(`report.metric.${m}`) })) },
      ...await filterFields(['origin', 'form', 'team']),
    ],
    onSubmit: async (v) => {
      const created = (await post('api/indicators', v)).data;
      navigate(`${PATH}${qs({ indicator: created.id })}`);
    },
  });
  return section(t('report.indicator.defineTitle'), form.element);
}

