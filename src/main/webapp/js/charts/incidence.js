// Cumulative incidence curves (measure 3): the share that reached the next chain stage against days,
// as rising step lines. The national curve is solid with its 95% interval as a grey band; a region's
// curve is dashed and named at its last point, so lines are told apart by text and line style, not by
// colour. The API publishes a point only after at least k more events, so a step may gather several.
// Wide (960 units): it is drawn across the page width.

import { s, frame, linear, ticks, xAxis, yAxis, legend } from './svg.js';

const W = 960;
const H = 420;
const M = { top: 40, right: 150, bottom: 90, left: 70 };

function steps(points, x, y, key = 'incidence') {
  return points.map((p, i) => (i === 0 ? `M${x(p.days)} ${y(p[key])}` : `H${x(p.days)}V${y(p[key])}`)).join('');
}

/** The band between the lower and upper limits, as one closed step polygon over the points that have both. */
function band(points, x, y) {
  const inner = points.filter((p) => p.lower95 !== null && p.upper95 !== null);
  if (inner.length < 2) return null;
  const upper = inner.map((p, i) => (i === 0 ? `M${x(p.days)} ${y(p.upper95)}` : `H${x(p.days)}V${y(p.upper95)}`)).join('');
  // Back along the lower limit: down (or up) to the earlier level at this day, then left to the earlier day.
  const lower = [...inner].reverse().map((p, i) => (i === 0 ? `L${x(p.days)} ${y(p.lower95)}`
    : `V${y(p.lower95)}H${x(p.days)}`)).join('');
  return s('path', { class: 'chart__band', d: `${upper}${lower}Z` });
}

/** incidence({title, desc, curves: [{label, national?, points: [{days, incidence, lower95, upper95}]}], percent, number, xLabel, yLabel, legendTexts}) */
export function incidence(o) {
  const svg = frame({ title: o.title, desc: o.desc, width: W, height: H, className: 'chart--wide' });
  const maxDays = Math.max(10, ...o.curves.flatMap((c) => c.points.map((p) => p.days))) * 1.05;
  const top = Math.min(1, Math.max(0.2, ...o.curves.flatMap((c) => c.points.map((p) => (c.national && p.upper95 !== null ? p.upper95 : p.incidence)))) * 1.1);
  const x = linear([0, maxDays], [M.left, W - M.right]);
  const y = linear([0, top], [H - M.bottom, M.top]);
  const national = o.curves.find((c) => c.national);
  svg.appendChild(s('g', {},
    national && band(national.points, x, y),
    yAxis({ scale: y, values: ticks(0, top, 5), x: M.left, gridTo: W - M.right, format: o.percent, label: o.yLabel, top: M.top }),
    xAxis({ scale: x, values: ticks(0, maxDays, 8), y: H - M.bottom, x0: M.left, x1: W - M.right, format: o.number, label: o.xLabel }),
    o.curves.map((c) => {
      const last = c.points[c.points.length - 1];
      return s('g', { class: 'chart__datum' },
        s('path', { class: c.national ? 'chart__curve chart__curve--national' : 'chart__curve', d: steps(c.points, x, y) }),
        c.points.slice(1).map((p) => s('circle', { class: 'chart__step', cx: x(p.days), cy: y(p.incidence), r: 2.5 })),
        s('text', { class: 'chart__point-label', x: x(last.days) + 6, y: y(last.incidence) + 4 }, c.label));
    }),
    legend([
      [s('line', { class: 'chart__curve chart__curve--national', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.national],
      [s('rect', { class: 'chart__band', x: 0, y: -6, width: 20, height: 12 }), o.legendTexts.band],
      [s('line', { class: 'chart__curve', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.region],
    ], M.left - 40, H - 20, 280)));
  return svg;
}
