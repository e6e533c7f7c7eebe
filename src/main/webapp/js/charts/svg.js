// The building blocks every chart shares: SVG elements (never parsed from text), a chart frame that
// names itself to assistive technology (role="img" with <title> and <desc>), scales and axes.

import { uid } from '../dom.js';

const NS = 'http://www.w3.org/2000/svg';

/** s('line', {x1: 0, class: 'x'}, child, 'text') — like h() in dom.js, for SVG. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on|^style$/i.test(name)) throw new Error('attribute not allowed: ' + name);
    el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An <svg> of the given size whose accessible name and description are its title and desc. */
export function frame({ title, desc, width, height, className }) {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s('svg', { class: ['chart', className].filter(Boolean).join(' '), viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, focusable: 'false', preserveAspectRatio: 'xMinYMin meet' },
  s('title', { id: titleId }, title), s('desc', { id: descId }, desc));
}

/** A linear scale from [d0, d1] onto [r0, r1]. */
export function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A log10 scale for positive domains (denominators spanning orders of magnitude). */
export function log([d0, d1], range) {
  const f = linear([Math.log10(d0), Math.log10(d1)], range);
  return (v) => f(Math.log10(v));
}

/** About `count` round tick values across [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((m) => m >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step / 1e6; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Ticks 1, 2, 5, 10, 20, 50 … within [lo, hi] for a log axis. */
export function logTicks(lo, hi) {
  const out = [];
  for (let mag = 10 ** Math.floor(Math.log10(lo)); mag <= hi; mag *= 10) {
    for (const m of [1, 2, 5]) if (m * mag >= lo && m * mag <= hi) out.push(m * mag);
  }
  return out;
}

/** A horizontal axis at y with labelled ticks and a title. */
export function xAxis({ scale, values, y, x0, x1, format, label }) {
  return s('g', { class: 'chart__axis', 'aria-hidden': 'true' },
    s('line', { x1: x0, x2: x1, y1: y, y2: y }),
    values.map((v) => s('g', {}, s('line', { x1: scale(v), x2: scale(v), y1: y, y2: y + 5 }),
      s('text', { x: scale(v), y: y + 18, 'text-anchor': 'middle' }, format(v)))),
    s('text', { class: 'chart__axis-label', x: (x0 + x1) / 2, y: y + 38, 'text-anchor': 'middle' }, label));
}

/** A vertical axis at x with labelled ticks and light grid lines across to gridTo. */
export function yAxis({ scale, values, x, gridTo, format, label, top }) {
  return s('g', { class: 'chart__axis', 'aria-hidden': 'true' },
    values.map((v) => s('g', {}, s('line', { class: 'chart__grid', x1: x, x2: gridTo, y1: scale(v), y2: scale(v) }),
      s('text', { x: x - 8, y: scale(v) + 4, 'text-anchor': 'end' }, format(v)))),
    s('text', { class: 'chart__axis-label', x, y: top - 12, 'text-anchor': 'start' }, label));
}

/** A legend row of [symbol node, text] pairs, laid out left to right from (x, y). */
export function legend(items, x, y, spacing = 190) {
  return s('g', { class: 'chart__legend', 'aria-hidden': 'true' },
    items.map(([symbol, text], i) => s('g', { transform: `translate(${x + i * spacing} ${y})` }, symbol,
      s('text', { x: 26, y: 4 }, text))));
}
