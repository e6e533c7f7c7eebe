// Kaplan–Meier curves: the share still waiting for the next chain stage against days, as step
// lines. The API publishes a curve point only after at least k more events, so a step may gather
// several drops. The national curve is solid; a region's is dashed and named at its last point, so
// lines are told apart by text and line style, not by colour.

import { s, frame, linear, ticks, xAxis, yAxis, legend } from './svg.js';

const W = 720;
const H = 400;
const M = { top: 40, right: 110, bottom: 90, left: 70 };

function steps(points, x, y) {
  return points.map((p, i) => (i === 0 ? `M${x(p.days)} ${y(p.survival)}`
    : `H${x(p.days)}V${y(p.survival)}`)).join('');
}

/** survival({title, desc, curves: [{label, national?, points: [{days, survival}]}], percent, number, xLabel, yLabel, legendTexts}) */
export function survival(o) {
  const svg = frame({ title: o.title, desc: o.desc, width: W, height: H, className: 'chart--survival' });
  const maxDays = Math.max(10, ...o.curves.flatMap((c) => c.points.map((p) => p.days))) * 1.05;
  const x = linear([0, maxDays], [M.left, W - M.right]);
  const y = linear([0, 1], [H - M.bottom, M.top]);
  svg.appendChild(s('g', {},
    yAxis({ scale: y, values: ticks(0, 1, 5), x: M.left, gridTo: W - M.right, format: o.percent, label: o.yLabel, top: M.top }),
    xAxis({ scale: x, values: ticks(0, maxDays, 6), y: H - M.bottom, x0: M.left, x1: W - M.right, format: o.number, label: o.xLabel }),
    o.curves.map((c) => {
      const last = c.points[c.points.length - 1];
      return s('g', { class: 'chart__datum' },
        s('path', { class: c.national ? 'chart__curve chart__curve--national' : 'chart__curve', d: steps(c.points, x, y) }),
        c.points.slice(1).map((p) => s('circle', { class: 'chart__step', cx: x(p.days), cy: y(p.survival), r: 2.5 })),
        s('text', { class: 'chart__point-label', x: x(last.days) + 6, y: y(last.survival) + 4 }, c.label));
    }),
    legend([
      [s('line', { class: 'chart__curve chart__curve--national', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.national],
      [s('line', { class: 'chart__curve', x1: 0, x2: 20, y1: 0, y2: 0 }), o.legendTexts.region],
    ], M.left - 40, H - 20, 260)));
  return svg;
}
