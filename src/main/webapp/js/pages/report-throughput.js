// Measure 3: throughput times between chain stages, Kaplan–Meier medians with 95% intervals per
// region, open chains counted as censored. The interval is part of the page's query, not the API's.

import { h, append, pageHeading } from '../dom.js';
import { t, formatNumber, formatPercent } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { medians } from '../charts/medians.js';
import { survival } from '../charts/survival.js';
import { cutForm, apiQuery } from '../reports/cut.js';
import { load, cutSummary } from '../reports/regional.js';
import { regionNames, countCell } from '../reports/tables.js';
import { dataTable } from '../components.js';

const INTERVALS = ['IN_VIEW_TO_OM_INFLOW', 'OM_INFLOW_TO_DECISION', 'OM_INFLOW_TO_VERDICT'];

/** The API withholds a median unless people and events are published and events reach k. */
const withheld = (r, k) => r.people.value === null || r.events.value === null || r.events.value < k;
const days = (v) => (v === null || v === undefined ? '–' : formatNumber(v));

function medianText(r, k) {
  if (r.medianDays !== null) return days(r.medianDays);
  return t(withheld(r, k) ? 'report.median.withheld' : 'report.median.notReached');
}

export async function render(main, { query }) {
  const interval = INTERVALS.includes(query.get('interval')) ? query.get('interval') : INTERVALS[0];
  const form = await cutForm({ id: 'report-cut', path: '/reports/throughput', query, filters: ['origin', 'form', 'team'],
    extra: [{ name: 'interval', type: 'radios', label: t('report.interval'), required: true, default: interval,
      options: enumOptions('report.interval', INTERVALS) }] });
  append(main, pageHeading(t('report.throughput.title')), h('p', { class: 'lead' }, t('report.throughput.intro')), form.element);
  const view = await load(`api/reports/throughput/${interval}${apiQuery(query)}`, form);
  if (!view) return;
  const name = regionNames(view.regions);
  const rows = [...view.rows, view.national];
  const title = t('report.throughput.chart', t(`report.interval.${interval}`));
  append(main, cutSummary(query, view.k),
    h('section', { class: 'section', id: 'report-medians' }, h('h2', { class: 'section__title' }, title),
      h('div', { class: 'report-chart' },
        medians({ title, desc: t('report.throughput.desc'), national: view.national.medianDays, nationalLabel: t('report.national'),
          number: formatNumber, xLabel: t('report.days'),
          rows: view.rows.map((r) => ({ label: name(r.region), median: r.medianDays, lower: r.lower95, upper: r.upper95,
            note: medianText(r, view.k) })) }),
        dataTable({ caption: t('report.table.throughput', title), rows,
          columns: [{ label: t('report.region'), value: (r) => name(r.region) },
            { label: t('report.people'), value: (r) => countCell(r.people), numeric: true },
            { label: t('report.events'), value: (r) => countCell(r.events), numeric: true },
            { label: t('report.median'), value: (r) => medianText(r, view.k), numeric: true },
            { label: t('report.lower95'), value: (r) => days(r.lower95), numeric: true },
            { label: t('report.upper95'), value: (r) => (r.medianDays !== null && r.upper95 === null ? t('report.open') : days(r.upper95)), numeric: true }] }))),
    curveSection(view, name, interval),
    h('p', {}, t('report.throughput.method')));
}

/** The published Kaplan–Meier curves (national and each region with one), as step lines and as a table. */
function curveSection(view, name, interval) {
  const curves = [{ ...view.national, national: true }, ...view.rows].filter((r) => r.curve.length > 1)
    .map((r) => ({ region: r.region, label: name(r.region), national: Boolean(r.national), points: r.curve }));
  const title = t('report.curve.title', t(`report.interval.${interval}`));
  const rows = curves.flatMap((c) => c.points.map((p) => ({ ...p, region: c.label })));
  return h('section', { class: 'section', id: 'report-curves' }, h('h2', { class: 'section__title' }, title),
    curves.length ? h('div', { class: 'report-chart' },
      survival({ title, desc: t('report.curve.desc', view.k), curves, percent: formatPercent, number: formatNumber,
        xLabel: t('report.days'), yLabel: t('report.curve.y'),
        legendTexts: { national: t('report.national'), region: t('report.curve.region') } }),
      dataTable({ caption: t('report.table.curve', title), rows,
        columns: [{ label: t('report.region'), value: (r) => r.region },
          { label: t('report.days'), value: (r) => days(r.days), numeric: true },
          { label: t('report.curve.y'), value: (r) => formatPercent(r.survival), numeric: true }] }))
      : h('p', {}, t('report.curve.empty')));
}
