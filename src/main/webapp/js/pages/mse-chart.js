// The estimate over the years as an inline SVG: N̂ per year with its model-conditional interval as
// a vertical bar and the observed persons as squares. The SVG has a title and a description, and
// the same figures stand beside it in a table, so nothing is only in the picture.

import { h, uid } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { dataTable } from '../components.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 280;
const PAD = { left: 72, right: 16, top: 16, bottom: 40 };

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const round = (x) => formatNumber(Math.round(x));

function niceMax(value) {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/** points: the API's series (year, observed, populationSize, ci, model, refused). */
export function seriesChart(points) {
  const shown = points.filter((p) => p.populationSize !== null && p.populationSize !== undefined);
  const max = niceMax(Math.max(0, ...shown.map((p) => (p.ci ? p.ci.upper : p.populationSize))));
  const x = (i) => PAD.left + ((i + 0.5) * (WIDTH - PAD.left - PAD.right)) / points.length;
  const y = (v) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const first = points[0].year;
  const last = points[points.length - 1].year;
  const desc = points.map((p) => (p.populationSize === null || p.populationSize === undefined
    ? t('mse.chart.noEstimate', p.year)
    : t('mse.chart.point', p.year, round(p.populationSize), p.ci ? round(p.ci.lower) : '–', p.ci ? round(p.ci.upper) : '–', formatNumber(p.observed))))
    .join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}`, id: 'mse-chart' },
    svg('title', { id: titleId }, t('mse.chart.title', first, last)),
    svg('desc', { id: descId }, desc),
    ticks.map((v) => svg('g', { class: 'chart__tick' },
      svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v), class: 'chart__grid' }),
      svg('text', { x: PAD.left - 8, y: y(v) + 5, 'text-anchor': 'end', class: 'chart__label' }, round(v)))),
    points.map((p, i) => {
      const label = svg('text', { x: x(i), y: HEIGHT - PAD.bottom + 24, 'text-anchor': 'middle', class: 'chart__label' }, String(p.year));
      if (p.populationSize === null || p.populationSize === undefined) {
        return svg('g', {}, label, svg('text', { x: x(i), y: y(0) - 8, 'text-anchor': 'middle', class: 'chart__label' }, '–'));
      }
      return svg('g', { class: 'chart__point' }, label,
        p.ci ? svg('line', { x1: x(i), x2: x(i), y1: y(p.ci.lower), y2: y(p.ci.upper), class: 'chart__interval' }) : null,
        p.ci ? svg('line', { x1: x(i) - 8, x2: x(i) + 8, y1: y(p.ci.upper), y2: y(p.ci.upper), class: 'chart__interval' }) : null,
        p.ci ? svg('line', { x1: x(i) - 8, x2: x(i) + 8, y1: y(p.ci.lower), y2: y(p.ci.lower), class: 'chart__interval' }) : null,
        svg('circle', { cx: x(i), cy: y(p.populationSize), r: 6, class: 'chart__estimate' }),
        svg('rect', { x: x(i) - 5, y: y(p.observed) - 5, width: 10, height: 10, class: 'chart__observed' }));
    }));
  const legend = h('ul', { class: 'chart-legend' },
    h('li', { class: 'chart-legend__estimate' }, t('mse.chart.legend.estimate')),
    h('li', { class: 'chart-legend__observed' }, t('mse.chart.legend.observed')));
  const table = dataTable({
    caption: t('mse.chart.table', first, last),
    rows: points,
    columns: [
      { label: t('mse.year'), value: (p) => String(p.year) },
      { label: t('mse.observed'), value: (p) => (p.observed === null ? '–' : formatNumber(p.observed)), numeric: true },
      { label: t('mse.populationSize'), value: (p) => (p.populationSize === null ? '–' : round(p.populationSize)), numeric: true },
      { label: t('mse.ci'), value: (p) => (p.ci ? t('mse.interval', round(p.ci.lower), round(p.ci.upper)) : '–'), numeric: true },
      { label: t('mse.remark'), value: (p) => (p.refused ? t('mse.chart.refused') : t(`mse.model.${p.model}`)) },
    ],
  });
  return h('div', { class: 'chart-block', id: 'mse-series' }, h('figure', { class: 'chart-figure' }, chart, legend), table);
}
