// A funnel plot: each region's rate against its denominator, the national rate as centre line and
// the exact binomial 95% and 99.8% control limits as the API returns them. Where a region falls is
// carried by the marker's shape and fill and its label, not by colour.

import { s, frame, log, linear, ticks, logTicks, xAxis, yAxis, legend } from './svg.js';

const W = 720;
const H = 420;
const M = { top: 40, right: 70, bottom: 100, left: 70 };

/** A marker for a position: circle within, triangles pointing up (above) or down (below), filled beyond 99.8%. */
export function marker(position, x, y) {
  const up = position.startsWith('ABOVE');
  const cls = `chart__point chart__point--${position.toLowerCase().replace('_8', '')}`;
  if (position === 'WITHIN') return s('circle', { class: cls, cx: x, cy: y, r: 5 });
  const d = up ? `M${x} ${y - 7}L${x + 7} ${y + 5}L${x - 7} ${y + 5}Z` : `M${x} ${y + 7}L${x + 7} ${y - 5}L${x - 7} ${y - 5}Z`;
  return s('path', { class: cls, d });
}

/**
 * funnelPlot({title, desc, centre, limits, points: [{region, label, n, rate, position}],
 *   xLabel, yLabel, percent, number, legendTexts: {centre, l95, l998, within, above, below}})
 */
export function funnelPlot(o) {
  const svg = frame({ title: o.title, desc: o.desc, width: W, height: H, className: 'chart--funnel' });
  const ns = [...o.points.map((p) => p.n), ...o.limits.map((l) => l.n)];
  const rates = [o.centre, ...o.points.map((p) => p.rate), ...o.limits.flatMap((l) => [l.lower99_8, l.upper99_8])];
  const xDomain = [Math.max(1, Math.min(...ns)), Math.max(2, ...ns)];
  const yDomain = [Math.max(0, Math.min(...rates) - 0.02), Math.min(1, Math.max(...rates) + 0.02)];
  const x = log(xDomain, [M.left, W - M.right]);
  const y = linear(yDomain, [H - M.bottom, M.top]);
  const line = (key) => o.limits.map((l, i) => `${i ? 'L' : 'M'}${x(l.n).toFixed(1)} ${y(l[key]).toFixed(1)}`).join('');
  svg.appendChild(s('g', {},
    yAxis({ scale: y, values: ticks(...yDomain, 5), x: M.left, gridTo: W - M.right, format: o.percent, label: o.yLabel, top: M.top }),
    xAxis({ scale: x, values: logTicks(...xDomain), y: H - M.bottom, x0: M.left, x1: W - M.right, format: o.number, label: o.xLabel }),
    ['lower99_8', 'upper99_8'].map((k) => s('path', { class: 'chart__limit chart__limit--998', d: line(k) })),
    ['lower95', 'upper95'].map((k) => s('path', { class: 'chart__limit chart__limit--95', d: line(k) })),
    s('line', { class: 'chart__centre', x1: M.left, x2: W - M.right, y1: y(o.centre), y2: y(o.centre) }),
    o.points.map((p) => s('g', { class: 'chart__datum', 'data-region': p.region },
      marker(p.position, x(p.n), y(p.rate)),
      s('text', { class: 'chart__point-label', x: x(p.n) + 9, y: y(p.rate) - 6 }, p.label))),
    legend([
      [s('line', { class: 'chart__centre', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.centre],
      [s('line', { class: 'chart__limit chart__limit--95', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.l95],
      [s('line', { class: 'chart__limit chart__limit--998', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.l998],
    ], M.left - 40, H - 38, 215),
    legend([
      [marker('WITHIN', 10, 0), o.legendTexts.within],
      [marker('ABOVE_95', 10, 0), o.legendTexts.above],
      [marker('BELOW_99_8', 10, 0), o.legendTexts.below],
    ], M.left - 40, H - 14, 215)));
  return svg;
}
