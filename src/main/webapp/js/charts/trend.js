// A trend over the years: each year's figure as a point with its 95% interval as a vertical line, and
// the target (where one exists) as a short dashed bar. Years without a published figure stay empty
// with a dash, so a gap is never drawn as a line through nothing.

import { s, frame, linear, ticks, yAxis, legend } from './svg.js';

const W = 640;
const H = 300;
const M = { top: 36, right: 20, bottom: 70, left: 70 };

/** trend({title, desc, points: [{year, value, lower, upper, target}], format, yLabel, legendTexts: {value, interval, target}}) */
export function trend(o) {
  const svg = frame({ title: o.title, desc: o.desc, width: W, height: H, className: 'chart--trend' });
  const shown = o.points.filter((p) => p.value !== null && p.value !== undefined);
  const highs = [...shown.map((p) => (p.upper ?? p.value)), ...o.points.map((p) => p.target ?? 0)];
  const top = Math.max(o.percent ? 0.05 : 1, ...highs) * 1.1;
  const step = (W - M.left - M.right) / Math.max(1, o.points.length);
  const x = (i) => M.left + (i + 0.5) * step;
  const y = linear([0, top], [H - M.bottom, M.top]);
  svg.appendChild(s('g', {},
    yAxis({ scale: y, values: ticks(0, top, 5), x: M.left, gridTo: W - M.right, format: o.format, label: o.yLabel, top: M.top }),
    s('g', { class: 'chart__axis', 'aria-hidden': 'true' },
      s('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }),
      o.points.map((p, i) => s('text', { x: x(i), y: H - M.bottom + 18, 'text-anchor': 'middle' }, String(p.year)))),
    o.points.map((p, i) => {
      const has = p.value !== null && p.value !== undefined;
      return s('g', { class: 'chart__datum', 'data-year': p.year },
        has && p.lower !== null && p.upper !== null
          ? s('line', { class: 'chart__interval', x1: x(i), x2: x(i), y1: y(p.lower), y2: y(p.upper) }) : null,
        has ? s('circle', { class: 'chart__estimate', cx: x(i), cy: y(p.value), r: 5 })
          : s('text', { x: x(i), y: y(0) - 6, 'text-anchor': 'middle' }, '–'),
        p.target !== null && p.target !== undefined
          ? s('line', { class: 'chart__target', x1: x(i) - 12, x2: x(i) + 12, y1: y(p.target), y2: y(p.target) }) : null);
    }),
    legend([
      [s('circle', { class: 'chart__estimate', cx: 10, cy: 0, r: 5 }), o.legendTexts.value],
      [s('line', { class: 'chart__interval', x1: 10, x2: 10, y1: -7, y2: 7 }), o.legendTexts.interval],
      ...(o.points.some((p) => p.target !== null && p.target !== undefined)
        ? [[s('line', { class: 'chart__target', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.target]] : []),
    ], M.left - 40, H - 20, 200)));
  return svg;
}

/**
 * Labelled rows (regions) each with a point and its 95% interval as a horizontal line, the national
 * figure as a vertical reference line: for figures that are not a rate of counts (days, estimates).
 */
export function intervals(o) {
  const rowH = 26;
  const height = M.top + o.rows.length * rowH + 60;
  const svg = frame({ title: o.title, desc: o.desc, width: W, height, className: 'chart--intervals' });
  const shown = o.rows.filter((r) => r.value !== null && r.value !== undefined);
  const top = Math.max(o.percent ? 0.05 : 1, ...shown.map((r) => r.upper ?? r.value), o.centre ?? 0) * 1.1;
  // Differences can be negative: the axis then starts below zero.
  const low = Math.min(0, ...shown.map((r) => r.lower ?? r.value)) * 1.1;
  const left = 170;
  const x = linear([low, top], [left, W - M.right]);
  const y = (i) => M.top + i * rowH + rowH / 2;
  const bottom = M.top + o.rows.length * rowH;
  svg.appendChild(s('g', {},
    s('g', { class: 'chart__axis', 'aria-hidden': 'true' },
      s('line', { x1: left, x2: W - M.right, y1: bottom, y2: bottom }),
      ticks(low, top, 5).map((v) => s('g', {}, s('line', { class: 'chart__grid', x1: x(v), x2: x(v), y1: M.top, y2: bottom }),
        s('text', { x: x(v), y: bottom + 18, 'text-anchor': 'middle' }, o.format(v)))),
      s('text', { class: 'chart__axis-label', x: (left + W - M.right) / 2, y: bottom + 40, 'text-anchor': 'middle' }, o.xLabel)),
    o.centre !== null && o.centre !== undefined
      ? s('line', { class: 'chart__centre', x1: x(o.centre), x2: x(o.centre), y1: M.top, y2: bottom }) : null,
    o.rows.map((r, i) => s('g', { class: 'chart__datum', 'data-region': r.region },
      s('text', { x: left - 8, y: y(i) + 4, 'text-anchor': 'end' }, r.label),
      r.value !== null && r.value !== undefined && r.lower !== null && r.upper !== null
        ? s('line', { class: 'chart__interval', x1: x(r.lower), x2: x(r.upper), y1: y(i), y2: y(i) }) : null,
      r.value !== null && r.value !== undefined
        ? s('circle', { class: 'chart__estimate', cx: x(r.value), cy: y(i), r: 5 })
        : s('text', { x: left + 6, y: y(i) + 4 }, '–')))));
  return svg;
}
