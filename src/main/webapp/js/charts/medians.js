// Throughput: the Kaplan–Meier median days per region with its 95% interval as a dot and whisker,
// against the national median as a vertical line. A region whose median is withheld or not reached
// is listed with that text instead of a dot; an open upper limit is drawn as an arrow to the edge.

import { s, frame, linear, ticks, xAxis } from './svg.js';

const W = 720;
const LABEL = 260;
const ROW = 30;

/** medians({title, desc, rows: [{label, median, lower, upper, note}], national, number, xLabel, nationalLabel}) */
export function medians(o) {
  const values = o.rows.flatMap((r) => [r.median, r.lower, r.upper]).concat([o.national]).filter((v) => typeof v === 'number');
  const max = Math.max(10, ...values) * 1.1;
  const height = 40 + o.rows.length * ROW + 60;
  const svg = frame({ title: o.title, desc: o.desc, width: W, height, className: 'chart--medians' });
  const x = linear([0, max], [LABEL, W - 30]);
  const bottom = 30 + o.rows.length * ROW;
  svg.appendChild(s('g', {},
    typeof o.national === 'number' ? s('g', { class: 'chart__national' },
      s('line', { class: 'chart__centre', x1: x(o.national), x2: x(o.national), y1: 16, y2: bottom }),
      s('text', { x: x(o.national) + 4, y: 12 }, o.nationalLabel)) : null,
    o.rows.map((r, i) => {
      const cy = 30 + i * ROW + ROW / 2;
      const shown = typeof r.median === 'number';
      return s('g', { class: 'chart__datum', 'data-value': shown ? r.median : 'withheld' },
        s('text', { class: 'chart__bar-label', x: LABEL - 8, y: cy + 4, 'text-anchor': 'end' }, r.label),
        shown ? [
          s('line', { class: 'chart__whisker', x1: x(r.lower ?? r.median), x2: typeof r.upper === 'number' ? x(r.upper) : W - 30, y1: cy, y2: cy }),
          typeof r.upper === 'number' ? null : s('path', { class: 'chart__arrow', d: `M${W - 30} ${cy}l-8 -5v10z` }),
          s('circle', { class: 'chart__point chart__point--within', cx: x(r.median), cy, r: 5 }),
        ] : s('text', { class: 'chart__value', x: LABEL + 6, y: cy + 4 }, r.note));
    }),
    xAxis({ scale: x, values: ticks(0, max, 6), y: bottom, x0: LABEL, x1: W - 30, format: o.number, label: o.xLabel })));
  return svg;
}
