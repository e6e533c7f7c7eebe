// Builds DOM nodes. Text is always inserted as text nodes, never parsed as HTML.

const FORBIDDEN = /^(on|style$|srcdoc$)/i;

/** h('p', {class: 'x', on: {click: fn}}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    } else if (name === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked' || name === 'selected' || name === 'hidden' || name === 'disabled') {
      el[name] = Boolean(value);
    } else if (FORBIDDEN.test(name)) {
      throw new Error('attribute not allowed: ' + name);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, text, nested arrays); null, undefined and false are left out, unlike Node.append. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let idCounter = 0;
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Sets the document title and the page heading, and puts focus on the heading for screen readers. */
export function pageHeading(text, level = 'h1') {
  const heading = h(level, { tabindex: '-1', class: 'page-heading' }, text);
  document.title = `${text} – Ketenzicht`;
  return heading;
}
