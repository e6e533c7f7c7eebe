// The shared page of the regional comparison reports (measures 1 and 2), reading first: the cut form,
// the national key figures, a chart per category along the chain, the funnel plot of regions, then the
// downloads and every table of the report (collapsed).

import { h, append, pageHeading } from '../dom.js';
import { t, enumLabel, formatNumber, formatPercent, currentLanguage } from '../i18n.js';
import { get } from '../api.js';
import { handleSubmitError } from '../forms.js';
import { chainFunnel } from '../charts/chain-funnel.js';
import { funnelPlot } from '../charts/funnel-plot.js';
import { cutForm, apiQuery, periodText } from './cut.js';
import { regionNames, categoryLabel, countTable, rateTable, funnelTable, stageTable, keyFigures, collapsed } from './tables.js';

/**
 * Renders a report page. config: {api: 'dependency' | 'clients', path, filters, stages: [metric]}.
 * Texts come from report.<api>.* (title, intro, stages).
 */
export async function renderRegionalReport(main, query, config) {
  const form = await cutForm({ id: 'report-cut', path: config.path, query, filters: config.filters });
  append(main, pageHeading(t(`report.${config.api}.title`)), h('p', { class: 'lead' }, t(`report.${config.api}.intro`)), form.element);
  const report = await load(`api/reports/${config.api}${apiQuery(query)}`, form);
  if (!report) return;
  const name = regionNames(report.regions);
  append(main, cutSummary(query, report.k), keyFigures(report, 'report-key-figures', config.stages),
    stagesSection(report, config), funnelSection(report, name), downloads(config.api, query, report, name), allTables(report, name));
}

/** The report JSON, or null after showing a refused cut (400) at the form's fields. */
export async function load(path, form) {
  try {
    return (await get(path)).data;
  } catch (error) {
    if (error.status !== 400) throw error;
    await handleSubmitError(error, form);
    return null;
  }
}

export function cutSummary(query, k) {
  const level = query.get('level') || 'POLICE_UNIT';
  const age = query.get('ageGroup');
  return h('p', { class: 'report-summary', id: 'report-summary' },
    t('report.cutSummary', periodText(query), t(`coordinator.level.${level}`)),
    level === 'MUNICIPALITY' && query.get('unit') ? ` ${t('report.cutUnit', query.get('unit'))}` : '',
    age ? ` ${t('report.cutAgeGroup', enumLabel('report.ageGroup', age))}` : '', ' ',
    t('report.suppressionNote', k));
}

/** CSV and XLSX of the cut, and (with print) a printable page per region, in the user's language. */
export function downloads(api, query, report, name, { q: cut = apiQuery(query), print = true } = {}) {
  const q = `${cut}${cut ? '&' : '?'}lang=${currentLanguage()}`;
  return h('nav', { class: 'report-downloads', 'aria-label': t('report.downloads') },
    h('h2', { class: 'visually-hidden' }, t('report.downloads')),
    h('ul', { class: 'download-list', id: 'report-downloads' },
      ['csv', 'xlsx'].map((type) => h('li', { class: 'download-list__item' },
        h('a', { href: `api/reports/${api}/export.${type}${q}`, download: `${api}.${type}`, class: 'download-list__link' },
          t(`report.download.${type}`)))),
      print && h('li', { class: 'download-list__item' }, h('details', { class: 'print-links' },
        h('summary', {}, t('report.print')),
        h('ul', { class: 'list' }, report.regions.map((r) => h('li', {},
          h('a', { href: `api/reports/${api}/print/${encodeURIComponent(r.code)}${q}`, target: '_blank', rel: 'noopener' },
            name(r.code), h('span', { class: 'visually-hidden' }, ` ${t('report.newWindow')}`)))))))));
}

/** Counts along the chain (national) per category and in all, as bars and as a table. */
function stagesSection(report, config) {
  const national = new Map(report.tables.map((x) => [x.metric, x.national]));
  const bar = (m, cell) => ({ label: t(`report.metric.${m}`), value: cell.value, display: cell.value === null ? cell.display : formatNumber(cell.value) });
  const groups = [...report.categories.map((c, i) => ({ label: categoryLabel(report, c), stages: config.stages.map((m) => bar(m, national.get(m).cells[i])) })),
    { label: t('report.allCategories'), stages: config.stages.map((m) => bar(m, national.get(m).total)) }];
  const title = t(`report.${config.api}.stages`);
  return h('section', { class: 'section', id: 'report-stages' }, h('h2', { class: 'section__title' }, title),
    h('div', { class: 'report-chart' },
      chainFunnel({ title, desc: t('report.stages.desc'), origins: groups, number: formatNumber, xLabel: t('report.count') }),
      collapsed(t('report.chartTable'), 'report-stages-table', stageTable(report, t('report.table.stages', title), config.stages))));
}

/** The funnel plot of the report's funnel rate with its table (id: the section's id). */
export function funnelSection(report, name, id = 'report-funnel') {
  const plot = report.funnelPlot;
  const [numerator, denominator] = plot.rate.split('_per_');
  const title = t('report.funnel.title', t(`report.rate.${plot.rate}`));
  const content = plot.points.length
    ? [h('p', { id: 'funnel-outside' }, t('report.funnel.outside', formatPercent(plot.centre), plot.outside95, plot.outside99_8)),
      h('div', { class: 'report-chart' },
        funnelPlot({ title, desc: t('report.funnel.desc', t(`report.metric.${numerator}`), t(`report.metric.${denominator}`), formatPercent(plot.centre)),
          centre: plot.centre, limits: plot.limits, points: plot.points.map((p) => ({ ...p, label: p.region })),
          xLabel: t('report.funnel.x', t(`report.metric.${denominator}`)), yLabel: t(`report.rate.${plot.rate}`),
          percent: formatPercent, number: formatNumber,
          legendTexts: { centre: t('report.legend.centre'), l95: t('report.legend.l95'), l998: t('report.legend.l998'),
            within: t('report.legend.within'), above: t('report.legend.above'), below: t('report.legend.below') } }),
        collapsed(t('report.chartTable'), `${id}-table`, funnelTable(plot, t('report.table.funnel', title), name)))]
    : [h('p', {}, t('report.funnel.empty'))];
  return h('section', { class: 'section', id }, h('h2', { class: 'section__title' }, title), content);
}

function allTables(report, name) {
  const ratio = report.ratio;
  const ratioText = (v) => (v === null || v === undefined ? '–' : formatNumber(Number(v.toFixed(2))));
  return collapsed(t('report.allFigures'), 'report-all',
    h('div', { id: 'report-tables' },
      report.tables.map((x) => countTable(report, x, name)),
      report.rates.map((x) => rateTable(report, x, name)),
      h('div', { class: 'table-wrapper', tabindex: '0', role: 'region', 'aria-label': t(`report.ratio.${ratio.name}`) },
        h('table', { class: 'table' }, h('caption', { class: 'table__caption' }, t(`report.ratio.${ratio.name}`)),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('report.region')), h('th', { scope: 'col', class: 'table__cell--numeric' }, t('report.ratio')))),
          h('tbody', {}, [...ratio.rows, ratio.national].map((r) => h('tr', {}, h('th', { scope: 'row' }, name(r.region)),
            h('td', { class: 'table__cell--numeric' }, ratioText(r.value)))))))));
}
