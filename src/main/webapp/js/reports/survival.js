// Kaplan–Meier sections of measures 5–6 (runaways, care): the medians per region
// with their 95% interval, and the published curves, each as a chart with its table beside it.
// A page with several survival views gives each its own id suffix.

import { h } from '../dom.js';
import { t, has, formatNumber, formatPercent } from '../i18n.js';
import { dataTable } from '../components.js';
import { medians } from '../charts/medians.js';
import { survival } from '../charts/survival.js';
import { countCell } from './tables.js';

/** The API withholds a median unless people and events are published and events reach k. */
const withheld = (r, k) => r.people.value === null || r.events.value === null || r.events.value < k;
const days = (v) => (v === null || v === undefined ? '–' : formatNumber(v));
/** Who is counted and what event they reach, named per interval where the generic words do not fit. */
const word = (key, interval) => (has(`${key}.${interval}`) ? t(`${key}.${interval}`) : t(key));

function medianText(r, k) {
  if (r.medianDays !== null) return days(r.medianDays);
  return t(withheld(r, k) ? 'report.median.withheld' : 'report.median.notReached');
}

/** The medians per region against the national median, with the table of people, events and intervals. */
export function mediansSection(view, name, interval, id = 'report-medians') {
  const rows = [...view.rows, view.national];
  const title = t('report.throughput.chart', t(`report.interval.${interval}`));
  return h('section', { class: 'section', id }, h('h2', { class: 'section__title' }, title),
    h('div', { class: 'report-chart' },
      medians({ title, desc: t('report.throughput.desc'), national: view.national.medianDays, nationalLabel: t('report.national'),
        number: formatNumber, xLabel: t('report.days'),
        rows: view.rows.map((r) => ({ label: name(r.region), median: r.medianDays, lower: r.lower95, upper: r.upper95,
          note: medianText(r, view.k) })) }),
      dataTable({ caption: t('report.table.throughput', title), rows,
        columns: [{ label: t('report.region'), value: (r) => name(r.region) },
          { label: word('report.people', interval), value: (r) => countCell(r.people), numeric: true },
          { label: word('report.events', interval), value: (r) => countCell(r.events), numeric: true },
          { label: t('report.median'), value: (r) => medianText(r, view.k), numeric: true },
          { label: t('report.lower95'), value: (r) => days(r.lower95), numeric: true },
          { label: t('report.upper95'), value: (r) => (r.medianDays !== null && r.upper95 === null ? t('report.open') : days(r.upper95)), numeric: true }] })));
}

/** The published Kaplan–Meier curves (national and each region with one), as step lines and as a table. */
export function curveSection(view, name, interval, id = 'report-curves') {
  const curves = [{ ...view.national, national: true }, ...view.rows].filter((r) => r.curve.length > 1)
    .map((r) => ({ region: r.region, label: name(r.region), national: Boolean(r.national), points: r.curve }));
  const title = t('report.curve.title', t(`report.interval.${interval}`));
  const rows = curves.flatMap((c) => c.points.map((p) => ({ ...p, region: c.label })));
  return h('section', { class: 'section', id }, h('h2', { class: 'section__title' }, title),
    curves.length ? h('div', { class: 'report-chart' },
      survival({ title, desc: t('report.curve.desc', view.k), curves, percent: formatPercent, number: formatNumber,
        xLabel: t('report.days'), yLabel: word('report.curve.y', interval),
        legendTexts: { national: t('report.national'), region: t('report.curve.region') } }),
      dataTable({ caption: t('report.table.curve', title), rows,
        columns: [{ label: t('report.region'), value: (r) => r.region },
          { label: t('report.days'), value: (r) => days(r.days), numeric: true },
          { label: word('report.curve.y', interval), value: (r) => formatPercent(r.survival), numeric: true }] }))
      : h('p', {}, t('report.curve.empty')));
}
