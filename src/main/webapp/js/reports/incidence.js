// Measure 3 as competing risks, read first: the national key figures (share reaching the next stage
// within 90, 180 and 365 days with 95% intervals, the median where defined), the curves across the
// page width, downloads, and below, collapsed, every figure per region.

import { h } from '../dom.js';
import { t, formatNumber, formatPercent, currentLanguage } from '../i18n.js';
import { dataTable } from '../components.js';
import { query as qs } from '../api.js';
import { incidence } from '../charts/incidence.js';
import { countCell } from './tables.js';

const hidden = (text) => h('span', { class: 'visually-hidden' }, ` ${text}`);
const countText = (cell) => (cell.value === null || cell.value === undefined ? cell.display : formatNumber(cell.value));

/** A share with its interval, or "withheld". */
function share(at) {
  if (!at || at.incidence === null) return h('span', {}, '–', hidden(t('report.cif.withheld')));
  return h('span', {}, formatPercent(at.incidence), at.lower95 === null ? '' : [' ',
    h('span', { class: 'ci' }, `(${formatPercent(at.lower95)}–${formatPercent(at.upper95)})`)]);
}

function medianText(row, m) {
  if (row.medianDays !== null) return t('report.cif.medianDays', formatNumber(row.medianDays));
  return row.shown ? t('report.cif.medianNone', m) : t('report.cif.withheld');
}

/** The national figures as a definition list, with who they are about in one sentence. */
export function keyFigures(view) {
  const n = view.national;
  const item = (label, value, id) => h('div', { class: 'key-figures__item' },
    h('dt', { class: 'key-figures__label' }, label), h('dd', { class: 'key-figures__value', id }, value));
  const items = n.horizons.map((at) => item(t('report.cif.within', formatNumber(at.days)),
    [at.incidence === null ? t('report.cif.withheld') : formatPercent(at.incidence),
      at.incidence !== null && at.lower95 !== null
        ? h('span', { class: 'key-figures__ci' }, t('report.cif.interval', formatPercent(at.lower95), formatPercent(at.upper95))) : null],
    `report-cif-${at.days}`));
  return h('section', { class: 'section', id: 'report-key-figures' },
    h('h2', { class: 'section__title' }, t('report.cif.keyFigures')),
    h('dl', { class: 'key-figures' }, items, item(t('report.cif.medianLabel'), medianText(n, view.medianMinEvents), 'report-median')),
    h('p', { id: 'report-outcomes' }, t('report.cif.ofPeople', countText(n.people), countText(n.reached), countText(n.ended), countText(n.open))));
}

/** The published curves (national with its band, and each region with one), across the page width. */
export function curveSection(view, name, interval) {
  const curves = [{ ...view.national, national: true }, ...view.rows].filter((r) => r.curve.length > 1)
    .map((r) => ({ region: r.region, label: name(r.region), national: Boolean(r.national), points: r.curve }));
  const title = t('report.cif.title', t(`report.interval.${interval}`));
  return h('section', { class: 'section', id: 'report-curves' }, h('h2', { class: 'section__title' }, title),
    curves.length ? h('div', { class: 'report-chart' },
      incidence({ title, desc: t('report.cif.desc', view.k), curves, percent: formatPercent, number: formatNumber,
        xLabel: t('report.days'), yLabel: t('report.cif.y'),
        legendTexts: { national: t('report.national'), band: t('report.cif.band'), region: t('report.curve.region') } }))
      : h('p', {}, t('report.curve.empty')));
}

/** CSV, XLSX and a printable page per region, with the texts of the current language. */
export function downloads(interval, query, view, name, apiQuery) {
  const api = `api/reports/throughput/${interval}`;
  const q = qs({ ...Object.fromEntries(new URLSearchParams(apiQuery(query))), lang: currentLanguage() });
  return h('nav', { class: 'report-downloads', 'aria-label': t('report.downloads') },
    h('h2', { class: 'visually-hidden' }, t('report.downloads')),
    h('ul', { class: 'download-list', id: 'report-downloads' },
      ['csv', 'xlsx'].map((type) => h('li', { class: 'download-list__item' },
        h('a', { href: `${api}/export.${type}${q}`, download: `throughput-${interval}.${type}`, class: 'download-list__link' },
          t(`report.download.${type}`)))),
      h('li', { class: 'download-list__item' }, h('details', { class: 'print-links' },
        h('summary', {}, t('report.print')),
        h('ul', { class: 'list' }, view.regions.map((r) => h('li', {},
          h('a', { href: `${api}/print/${encodeURIComponent(r.code)}${q}`, target: '_blank', rel: 'noopener' },
            name(r.code), hidden(t('report.newWindow'))))))))));
}

/** Every region's outcome counts, shares at the horizons and median, and the curves' points, collapsed. */
export function allFigures(view, name, interval) {
  const title = t(`report.interval.${interval}`);
  const rows = [...view.rows, view.national];
  const points = [{ ...view.national }, ...view.rows].filter((r) => r.curve.length > 1)
    .flatMap((r) => r.curve.slice(1).map((p) => ({ ...p, region: name(r.region) })));
  return h('details', { class: 'report-details', id: 'report-tables' },
    h('summary', { class: 'report-details__summary' }, t('report.cif.allFigures')),
    dataTable({ caption: t('report.cif.tableOutcomes', title), rows,
      columns: [{ label: t('report.region'), value: (r) => name(r.region) },
        { label: t('report.people'), value: (r) => countCell(r.people), numeric: true },
        { label: t('report.events'), value: (r) => countCell(r.reached), numeric: true },
        { label: t('report.throughput.ended'), value: (r) => countCell(r.ended), numeric: true },
        { label: t('report.throughput.open'), value: (r) => countCell(r.open), numeric: true },
        ...view.national.horizons.map((at, i) => ({ label: t('report.throughput.cifAt', formatNumber(at.days)), value: (r) => share(r.horizons[i]), numeric: true })),
        { label: t('report.throughput.median'), value: (r) => (r.medianDays === null ? h('span', {}, '–', hidden(medianText(r, view.medianMinEvents))) : formatNumber(r.medianDays)), numeric: true }] }),
    dataTable({ caption: t('report.cif.tableCurve', title), rows: points, empty: t('report.curve.empty'),
      columns: [{ label: t('report.region'), value: (p) => p.region },
        { label: t('report.days'), value: (p) => formatNumber(p.days), numeric: true },
        { label: t('report.cif.share'), value: (p) => share(p), numeric: true }] }));
}
