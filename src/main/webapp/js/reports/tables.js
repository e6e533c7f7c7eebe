// The accessible tables beside the charts, drawn from the report JSON without arithmetic: every
// count is the server's perturbed figure; a count the server could not give at all reads "x" with
// "niet gepubliceerd" for screen readers, and a rate without a published denominator is not shown.

import { h } from '../dom.js';
import { t, enumLabel, formatNumber, formatPercent } from '../i18n.js';
import { dataTable } from '../components.js';

const hidden = (text) => h('span', { class: 'visually-hidden' }, ` ${text}`);

/** A count cell {value, display}: the number, or the server's mark for a figure it withholds. */
export function countCell(cell) {
  if (!cell) return '–';
  return cell.value === null || cell.value === undefined
    ? h('span', { class: 'suppressed', dataset: { suppressed: 'true' } }, cell.display, hidden(t('report.suppressed')))
    : formatNumber(cell.value);
}

/** A rate {rate, lower, upper} as "12,3% (8,1–17,2%)"; withheld rates show a dash. */
export function rateCell(v) {
  if (!v || v.rate === null || v.rate === undefined) return h('span', {}, '–', hidden(t('report.withheld')));
  return h('span', {}, formatPercent(v.rate), ' ', h('span', { class: 'ci' }, `(${formatPercent(v.lower)}–${formatPercent(v.upper)})`));
}

/**
 * The national key figures of a report or section, read first: the total of each counter and the
 * national value of each rate with its interval (ids: `${id}-<metric or rate>`).
 */
export function keyFigures(report, id, metrics = report.tables.map((x) => x.metric), heading = 'h2') {
  const national = new Map(report.tables.map((x) => [x.metric, x.national.total]));
  const figure = (key, label, value) => h('div', { class: 'key-figures__item', id: `${id}-${key}` },
    h('dt', { class: 'key-figures__label' }, label), h('dd', { class: 'key-figures__value' }, value));
  return h('div', { class: 'key-figures-block', id }, h(heading, { class: 'key-figures__title' }, t('report.keyFigures')),
    h('dl', { class: 'key-figures' },
      metrics.filter((m) => national.has(m)).map((m) => figure(m, t(`report.metric.${m}`), countCell(national.get(m)))),
      report.rates.filter((r) => r.kind === 'CONVERSION').map((r) => figure(r.name, t(`report.rate.${r.name}`), rateCell(r.national.total)))));
}

/** Content that is there for reference: collapsed under its title until opened. */
export function collapsed(title, id, ...content) {
  return h('details', { class: 'report-details', id }, h('summary', { class: 'report-details__summary' }, title), content);
}

/** region code → name, with the national row as "Nederland". */
export function regionNames(regions) {
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return (code) => (code === 'NL' ? t('report.national') : names.get(code) || code);
}

/** A category's text; a section of measures 4–6 brings its own labeller (report.label). */
export function categoryLabel(report, c) {
  if (report.label) return report.label(c);
  return enumLabel(report.measure === 'CLIENTS' ? 'teamType' : 'origin', c);
}

/** Regions × categories for one counter or rate table, with the total column and the national row. */
function regionTable(report, caption, rows, cell, regionName) {
  return dataTable({
    caption, rows,
    columns: [{ label: t('report.region'), value: (r) => regionName(r.region) },
      ...report.categories.map((c, i) => ({ label: categoryLabel(report, c), value: (r) => cell(r.cells[i]), numeric: true })),
      { label: t('report.total'), value: (r) => cell(r.total), numeric: true }],
  });
}

export function countTable(report, table, regionName) {
  return regionTable(report, t('report.table.counts', t(`report.metric.${table.metric}`)),
    [...table.rows, table.national], countCell, regionName);
}

export function rateTable(report, table, regionName) {
  return regionTable(report, t('report.table.rate', t(`report.rate.${table.name}`)), [...table.rows, table.national], rateCell, regionName);
}

/** The funnel plot's figures: per region events, denominator, rate and where it falls. */
export function funnelTable(plot, caption, regionName) {
  return dataTable({
    caption, rows: plot.points, empty: t('report.funnel.empty'),
    columns: [{ label: t('report.region'), value: (p) => regionName(p.region) },
      { label: t('report.funnel.events'), value: (p) => formatNumber(p.events), numeric: true },
      { label: t('report.funnel.n'), value: (p) => formatNumber(p.n), numeric: true },
      { label: t('report.funnel.rate'), value: (p) => formatPercent(p.rate), numeric: true },
      { label: t('report.funnel.position'), value: (p) => t(`report.position.${p.position}`) }],
  });
}

/** Stages (rows) × categories (columns) of the national row of each counter: the data of a chain funnel. */
export function stageTable(report, caption, metrics) {
  const tables = new Map(report.tables.map((x) => [x.metric, x.national]));
  return dataTable({
    caption, rows: metrics,
    columns: [{ label: t('report.stage'), value: (m) => t(`report.metric.${m}`) },
      ...report.categories.map((c, i) => ({ label: categoryLabel(report, c), value: (m) => countCell(tables.get(m).cells[i]), numeric: true })),
      { label: t('report.total'), value: (m) => countCell(tables.get(m).total), numeric: true }],
  });
}
