// The shared page of measures 4–6 (victims, runaways, care): the cut form with the age group and the
// municipality level, per section of the report its key figures, its national counts as bars, its
// funnel plot (if it has one) and all its tables (collapsed), then the Kaplan–Meier medians and curves
// (if any), then the downloads.

import { h, append, pageHeading } from '../dom.js';
import { t, enumLabel, codeLabel, formatNumber } from '../i18n.js';
import { codes } from '../reference.js';
import { chainFunnel } from '../charts/chain-funnel.js';
import { cutForm, apiQuery, MEASURE_LEVELS, MEASURE_PARAMETERS } from './cut.js';
import { load, cutSummary, downloads, funnelSection } from './regional.js';
import { regionNames, countTable, rateTable, stageTable, keyFigures, collapsed } from './tables.js';
import { mediansSection, curveSection } from './survival.js';

/** How each section's categories are named: an enumeration, or a reference code list (plus NONE/UNKNOWN). */
const CATEGORIES = {
  VICTIMS_AANGIFTE: { prefix: 'report.ageGroup' },
  VICTIMS_HEARING: { prefix: 'psychologist' },
  VICTIMS_REASONS: { list: 'NON_REPORTING_REASON' },
  VICTIMS_VULNERABILITY: { list: 'VULNERABILITY' },
  VICTIMS_CHANNEL: { list: 'RECRUITMENT_CHANNEL' },
  RUNAWAYS: { list: 'INSTITUTION_TYPE' },
  CARE: { list: 'CARE_TYPE' },
};

async function labeller(section) {
  const how = CATEGORIES[section] || {};
  if (how.prefix) return (c) => enumLabel(how.prefix, c);
  const list = how.list ? await codes(how.list).catch(() => []) : [];
  const names = new Map(list.map((c) => [c.code, codeLabel(c)]));
  return (c) => names.get(c) || enumLabel('report.category', c);
}

/** Renders a page of measure 4, 5 or 6. config: {api: 'victims' | 'runaways' | 'care', path}; texts from report.<api>.*. */
export async function renderMeasureReport(main, query, config) {
  const form = await cutForm({ id: 'report-cut', path: config.path, query, filters: ['origin', 'form', 'team', 'ageGroup'],
    levels: MEASURE_LEVELS });
  append(main, pageHeading(t(`report.${config.api}.title`)), h('p', { class: 'lead' }, t(`report.${config.api}.intro`)), form.element);
  const q = apiQuery(query, MEASURE_PARAMETERS);
  const report = await load(`api/reports/${config.api}${q}`, form);
  if (!report) return;
  const name = regionNames(report.regions);
  const sections = await Promise.all(report.sections.map(async (s) => ({ ...s, label: await labeller(s.measure) })));
  append(main, cutSummary(query, report.k),
    sections.map((s) => measureSection(s, name)),
    report.survival.map((v) => [mediansSection(v, name, v.interval, `report-medians-${v.interval}`),
      curveSection(v, name, v.interval, `report-curves-${v.interval}`)]),
    downloads(config.api, query, report, name, { q, print: false }));
}

/** One section: national counts (bars and table), funnel plot, and the tables per region. */
function measureSection(report, name) {
  const id = `report-${report.measure}`;
  const title = t(`report.section.${report.measure}`);
  const national = new Map(report.tables.map((x) => [x.metric, x.national]));
  const metrics = report.tables.map((x) => x.metric);
  const bar = (label, cell) => ({ label, value: cell.value, display: cell.value === null ? cell.display : formatNumber(cell.value) });
  const columns = [...report.categories.map((c, i) => ({ label: report.label(c), cell: (m) => national.get(m).cells[i] })),
    { label: t('report.allCategories'), cell: (m) => national.get(m).total }];
  // One counter: a bar per category; several: a group of bars per category.
  const groups = metrics.length === 1
    ? [{ label: t(`report.metric.${metrics[0]}`), stages: columns.map((c) => bar(c.label, c.cell(metrics[0]))) }]
    : columns.map((c) => ({ label: c.label, stages: metrics.map((m) => bar(t(`report.metric.${m}`), c.cell(m))) }));
  return h('section', { class: 'section report-section', id }, h('h2', { class: 'section__title' }, title),
    h('p', {}, t(`report.section.${report.measure}.intro`)),
    keyFigures(report, `${id}-key-figures`, undefined, 'h3'),
    h('div', { class: 'report-chart', id: `${id}-stages` },
      chainFunnel({ title, desc: t('report.stages.desc'), origins: groups, number: formatNumber, xLabel: t('report.count') }),
      collapsed(t('report.chartTable'), `${id}-stages-table`, stageTable(report, t('report.table.stages', title), metrics))),
    report.funnelPlot ? funnelSection(report, name, `${id}-funnel`) : null,
    collapsed(t('report.allFigures'), `${id}-all`, h('div', { id: `${id}-tables` },
      report.tables.map((x) => countTable(report, x, name)),
      report.rates.map((x) => rateTable(report, x, name)))));
}
