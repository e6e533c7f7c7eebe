// Horizontal bars in labelled groups, each bar with its value written at its end, so nothing depends
// on colour. A bar whose count the server withholds is drawn as an empty outline with its mark ("x").
// An optional target per bar is drawn as a tall tick with its own label.

import { s, frame, linear, ticks, xAxis } from './svg.js';

const W = 900;
const LABEL = 380; // room for the longest stage label ("verdachten met onvoorwaardelijke vrijheidsstraf")
const BAR = 18;
const GAP = 6;
const GROUP_GAP = 22;

/**
 * bars({title, desc, groups: [{label, bars: [{label, value, display, target?, targetDisplay?}]}],
 *   number, xLabel, className})
 * value: a number, or null when suppressed (then display says so).
 */
export function bars(o) {
  const all = o.groups.flatMap((g) => g.bars);
  const max = Math.max(1, ...all.map((b) => b.value || 0), ...all.map((b) => b.target || 0));
  const rows = all.length;
  const height = 30 + o.groups.length * (24 + GROUP_GAP) + rows * (BAR + GAP) + 50;
  const svg = frame({ title: o.title, desc: o.desc, width: W, height, className: o.className });
  const x = linear([0, max], [LABEL, W - 90]);
  let top = 20;
  const content = [];
  for (const group of o.groups) {
    content.push(s('text', { class: 'chart__group-label', x: 0, y: top + 14 }, group.label));
    top += 24;
    for (const bar of group.bars) {
      const suppressed = bar.value === null || bar.value === undefined;
      const end = suppressed ? LABEL : x(bar.value);
      content.push(s('g', { class: 'chart__datum', 'data-value': suppressed ? 'suppressed' : bar.value },
        s('text', { class: 'chart__bar-label', x: LABEL - 8, y: top + BAR - 5, 'text-anchor': 'end' }, bar.label),
        suppressed
          ? s('rect', { class: 'chart__bar chart__bar--suppressed', x: LABEL, y: top, width: 24, height: BAR })
          : s('rect', { class: 'chart__bar', x: LABEL, y: top, width: Math.max(1, end - LABEL), height: BAR }),
        bar.target === null || bar.target === undefined ? null
          : s('g', { class: 'chart__target' }, s('line', { x1: x(bar.target), x2: x(bar.target), y1: top - 3, y2: top + BAR + 3 })),
        s('text', { class: 'chart__value', x: (suppressed ? LABEL + 24 : end) + 6, y: top + BAR - 5 },
          bar.targetDisplay ? `${bar.display} (${bar.targetDisplay})` : bar.display)));
      top += BAR + GAP;
    }
    top += GROUP_GAP;
  }
  svg.appendChild(s('g', {}, content,
    xAxis({ scale: x, values: ticks(0, max, 5), y: top, x0: LABEL, x1: W - 90, format: o.number, label: o.xLabel })));
  return svg;
}
