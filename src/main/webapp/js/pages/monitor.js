// The programme monitor (coordinators): one section per concern of the programme, each with the figure of
// the chosen year and its 95% interval, the trend with intervals, the regions compared (a funnel plot where
// a rate is compared), the target where one exists, one generated sentence and what the figure cannot tell.
// Every figure is the server's (the reports' published cells); nothing is computed here but formatting.

import { h, append, pageHeading } from '../dom.js';
import { t, formatNumber, formatPercent, currentLanguage } from '../i18n.js';
import { get } from '../api.js';
import { dataTable } from '../components.js';
import { funnelPlot } from '../charts/funnel-plot.js';
import { trend, intervals } from '../charts/trend.js';
import { collapsed, funnelTable, regionNames } from '../reports/tables.js';
import { handleSubmitError } from '../forms.js';

const hidden = (text) => h('span', { class: 'visually-hidden' }, ` ${text}`);

/** A figure's value as the section's kind shows it: a percentage, a count or days; "x" when withheld. */
function format(kind, v) {
  if (v === null || v === undefined) return null;
  if (kind === 'COUNT') return formatNumber(Math.round(v));
  if (kind === 'DAYS') return t('monitor.days', formatNumber(Math.round(v)));
  if (kind === 'PER_FTE') return t('monitor.perFte', perFte(v));
  if (kind === 'DIFFERENCE') return t('monitor.points', points(v));
  return formatPercent(v);
}

/** Per FTE with two decimals, as the server's sentences write it. */
function perFte(v) {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

/** A difference of shares in percentage points with its sign ("+3,2", "−1,5"). */
function points(v) {
  const digits = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(Math.abs(v) * 100);
  if (/^[0.,]+$/.test(digits)) return digits;
  return `${v < 0 ? '\u2212' : '+'}${digits}`;
}

function valueText(kind, figure) {
  const text = figure ? format(kind, figure.value) : null;
  return text === null ? h('span', { class: 'suppressed', dataset: { suppressed: 'true' } }, t('monitor.notShown'), hidden(t('monitor.notShown.sr'))) : text;
}

function intervalText(kind, figure) {
  if (!figure || figure.value === null || figure.lower === null || figure.upper === null) return '–';
  return t('monitor.interval', format(kind, figure.lower), format(kind, figure.upper));
}

function figureBlock(id, kind, label, figure) {
  return h('div', { class: 'monitor-figure', id },
    h('p', { class: 'monitor-figure__label' }, label),
    h('p', { class: 'monitor-figure__value' }, valueText(kind, figure)),
    h('p', { class: 'monitor-figure__interval' }, intervalText(kind, figure)));
}

const axisFormat = (kind) => (kind === 'COUNT' || kind === 'DAYS' || kind === 'PER_FTE' ? (v) => formatNumber(v) : formatPercent);
const isPercent = (kind) => kind !== 'COUNT' && kind !== 'DAYS' && kind !== 'PER_FTE';

function trendBlock(sec, view, title) {
  const own = !!view.unit;
  const points = sec.trend.map((p) => {
    const f = own ? p.unit : p.national;
    return { year: p.year, value: f?.value ?? null, lower: f?.lower ?? null, upper: f?.upper ?? null, target: p.target };
  });
  const heading = t('monitor.trend', view.fromYear, view.year);
  const chart = trend({ title: `${title}: ${heading}`, desc: t('monitor.trend.desc'), points, format: axisFormat(sec.kind),
    percent: isPercent(sec.kind), yLabel: title,
    legendTexts: { value: own ? t('monitor.figure.unit', view.unit) : t('monitor.figure.national'), interval: t('monitor.trend.interval'), target: t('monitor.trend.target') } });
  const rows = sec.trend.map((p) => ({ ...p, own: own ? p.unit : p.national }));
  const table = dataTable({
    caption: t('monitor.trend.table', title), rows,
    columns: [{ label: t('monitor.trend.year'), value: (r) => String(r.year) },
      { label: own ? t('monitor.figure.unit', view.unit) : t('monitor.trend.value'), value: (r) => valueText(sec.kind, r.own), numeric: true },
      { label: t('monitor.trend.interval'), value: (r) => intervalText(sec.kind, r.own), numeric: true },
      ...(own ? [{ label: t('monitor.figure.national'), value: (r) => valueText(sec.kind, r.national), numeric: true }] : []),
      ...(sec.trend.some((p) => p.target !== null) ? [{ label: t('monitor.trend.target'), value: (r) => (r.target === null ? '–' : formatNumber(r.target)), numeric: true }] : [])],
  });
  return h('div', { class: 'monitor-chart', id: `monitor-${sec.id}-trend` }, h('h3', {}, heading), h('figure', { class: 'chart-figure' }, chart),
    collapsed(t('report.chartTable'), `monitor-${sec.id}-trend-table`, table));
}

function regionsBlock(sec, view, title, name) {
  const plot = sec.funnelPlot;
  let chart;
  if (plot && plot.points.length) {
    chart = funnelPlot({ title: t('report.funnel.title', title), desc: t('report.funnel.outside', formatPercent(plot.centre), plot.outside95, plot.outside99_8),
      centre: plot.centre, limits: plot.limits, points: plot.points.map((p) => ({ ...p, label: p.region })),
      xLabel: t('report.funnel.n'), yLabel: title, percent: formatPercent, number: formatNumber,
      legendTexts: { centre: t('report.legend.centre'), l95: t('report.legend.l95'), l998: t('report.legend.l998'),
        within: t('report.legend.within'), above: t('report.legend.above'), below: t('report.legend.below') } });
  } else {
    chart = intervals({ title: t('monitor.regions.table', title), desc: t('monitor.trend.desc'), xLabel: title, format: axisFormat(sec.kind),
      percent: isPercent(sec.kind), centre: sec.national?.value ?? null,
      rows: sec.regions.map((r) => ({ region: r.region, label: name(r.region), value: r.figure.value, lower: r.figure.lower, upper: r.figure.upper })) });
  }
  const rows = [...sec.regions, { region: 'NL', figure: sec.national }];
  const table = dataTable({
    caption: t('monitor.regions.table', title), rows,
    columns: [{ label: t('report.region'), value: (r) => name(r.region) },
      { label: t('monitor.trend.value'), value: (r) => valueText(sec.kind, r.figure), numeric: true },
      { label: t('monitor.trend.interval'), value: (r) => intervalText(sec.kind, r.figure), numeric: true }],
  });
  return h('div', { class: 'monitor-chart', id: `monitor-${sec.id}-regions` }, h('h3', {}, t('monitor.regions')),
    h('figure', { class: 'chart-figure' }, chart),
    collapsed(t('report.chartTable'), `monitor-${sec.id}-regions-table`, table,
      plot && plot.points.length ? funnelTable(plot, t('report.table.funnel', title), name) : null));
}

function partsBlock(sec, view, title) {
  if (!sec.parts.length) return null;
  return collapsed(t('monitor.parts'), `monitor-${sec.id}-parts`, dataTable({
    caption: t('monitor.parts.table', title), rows: sec.parts,
    columns: [{ label: t('monitor.parts'), value: (p) => t(`monitor.part.${p.id}`) },
      { label: t('monitor.figure.national'), value: (p) => valueText(p.kind, p.national), numeric: true },
      { label: t('monitor.trend.interval'), value: (p) => intervalText(p.kind, p.national), numeric: true },
      ...(view.unit ? [{ label: t('monitor.figure.unit', view.unit), value: (p) => valueText(p.kind, p.unit), numeric: true }] : [])],
  }));
}

/** Measure 7: each comparison's difference in aangifte rate with its interval around the line of no difference, and its table. */
function differencesBlock(sec, view) {
  const diffs = sec.parts.filter((p) => p.kind === 'DIFFERENCE');
  if (!diffs.length) return null;
  const own = !!view.unit;
  const label = (p) => t(`monitor.part.${p.id}`);
  const chart = intervals({ title: t('monitor.context.differences'), desc: t('monitor.context.differences.desc'), xLabel: t('monitor.context.differences'),
    format: (v) => points(v), percent: true, centre: 0,
    rows: diffs.map((p) => ({ region: p.id, label: label(p), value: p.national.value, lower: p.national.lower, upper: p.national.upper })) });
  const rows = sec.parts;
  const table = dataTable({
    caption: t('monitor.context.differences.table'), rows,
    columns: [{ label: t('monitor.context.comparison'), value: (p) => label(p) },
      { label: t('monitor.figure.national'), value: (p) => valueText(p.kind, p.national), numeric: true },
      { label: t('monitor.trend.interval'), value: (p) => intervalText(p.kind, p.national), numeric: true },
      ...(own ? [{ label: t('monitor.figure.unit', view.unit), value: (p) => valueText(p.kind, p.unit), numeric: true }] : [])],
  });
  return h('div', { class: 'monitor-chart', id: `monitor-${sec.id}-differences` }, h('h3', {}, t('monitor.context.differences')),
    h('figure', { class: 'chart-figure' }, chart),
    collapsed(t('report.chartTable'), `monitor-${sec.id}-differences-table`, table));
}

function concern(sec, view, name) {
  const title = t(`monitor.${sec.id}.title`);
  return h('section', { class: 'section monitor-section', id: `monitor-${sec.id}`, 'aria-labelledby': `monitor-${sec.id}-title` },
    h('h2', { class: 'section__title', id: `monitor-${sec.id}-title` }, title),
    h('div', { class: 'monitor-figures' },
      figureBlock(`monitor-${sec.id}-national`, sec.kind, `${t('monitor.figure.national')} ${view.year}`, sec.national),
      view.unit ? figureBlock(`monitor-${sec.id}-unit`, sec.kind, `${t('monitor.figure.unit', view.unit)} ${view.year}`, sec.unit) : null,
      sec.id === 'suspectsOm' ? h('p', { class: 'monitor-target', id: `monitor-${sec.id}-target` },
        sec.target === null ? t('monitor.noTarget') : t('monitor.target', formatNumber(sec.target))) : null),
    h('p', { class: 'monitor-sentence', id: `monitor-${sec.id}-sentence` }, sec.sentence),
    h('div', { class: 'monitor-charts' }, trendBlock(sec, view, title), regionsBlock(sec, view, title, name)),
    sec.id === 'context' ? differencesBlock(sec, view) : partsBlock(sec, view, title),
    h('div', { class: 'monitor-limits' }, h('h3', {}, t('monitor.cannotTell')), h('p', { id: `monitor-${sec.id}-limits` }, sec.cannotTell)));
}

function calendarSection(view) {
  const c = view.calendar;
  const count = (f) => (f ? valueText('COUNT', f) : '–');
  const table = dataTable({
    caption: t('monitor.calendar.table', c.year), rows: c.rows,
    columns: [{ label: t('monitor.calendar.event'), value: (r) => t(`report.metric.${r.event}`) },
      { label: t('monitor.calendar.byEvent'), value: (r) => count(r.byEventYear), numeric: true },
      { label: t('monitor.calendar.byOpening'), value: (r) => count(r.byOpeningYear), numeric: true },
      ...(view.unit ? [{ label: t('monitor.calendar.unitByEvent', view.unit), value: (r) => count(r.unitByEventYear), numeric: true },
        { label: t('monitor.calendar.unitByOpening', view.unit), value: (r) => count(r.unitByOpeningYear), numeric: true }] : [])],
  });
  return h('section', { class: 'section monitor-section', id: 'monitor-calendar' },
    h('h2', { class: 'section__title' }, t('monitor.calendar.title')),
    h('p', {}, t('monitor.calendar.intro'), ' ', h('strong', { id: 'monitor-calendar-status' }, c.fixed ? t('monitor.calendar.fixed') : t('monitor.calendar.open')),
      ' ', t('monitor.calendar.openingNote')),
    table);
}

function yearForm(year) {
  const thisYear = new Date().getFullYear();
  const options = [];
  for (let y = thisYear; y >= thisYear - 15; y -= 1) options.push(h('option', { value: String(y), selected: y === year }, String(y)));
  const select = h('select', { id: 'monitor-year', name: 'year', class: 'input' }, options);
  return h('form', { class: 'form form--inline', id: 'monitor-form', on: { submit: (e) => {
    e.preventDefault();
    window.location.hash = `#/monitor?year=${select.value}`;
  } } },
  h('div', { class: 'field' }, h('label', { for: 'monitor-year', class: 'field__label' }, t('monitor.year')), select),
  h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button' }, t('monitor.show'))));
}

export async function render(main, { query }) {
  const asked = Number(query.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 ? asked : new Date().getFullYear() - 1;
  const form = yearForm(year);
  append(main, pageHeading(t('monitor.title')), h('p', { class: 'lead' }, t('monitor.intro')), form);
  let view;
  try {
    view = (await get(`api/monitor?year=${year}&lang=${currentLanguage()}`)).data;
  } catch (error) {
    if (error.status !== 400) throw error;
    await handleSubmitError(error, form);
    return;
  }
  const name = regionNames(view.regions);
  append(main,
    h('p', { id: 'monitor-status' }, view.yearClosed ? t('monitor.yearClosed', view.year) : t('monitor.yearOpen', view.year),
      view.unit ? ` ${t('monitor.unitNote', name(view.unit))}` : '', ' ', t('report.suppressionNote', view.k)),
    h('p', {}, h('a', { href: `api/monitor/pdf?year=${view.year}&lang=${currentLanguage()}`, id: 'monitor-pdf', download: `monitor-${view.year}.pdf` }, t('monitor.pdf'))),
    view.sections.map((sec) => concern(sec, view, name)),
    calendarSection(view));
}
