// One estimate as the API returns it (EstimateView): the overlap table with suppressed cells shown
// as such, how registrations were linked, the models tried, and the chosen model's estimate with
// both intervals and the share that stays invisible. Each figure carries its exact value in
// data-value, so what is shown can be checked against the API.

import { h } from '../dom.js';
import { t, formatNumber, currentLanguage } from '../i18n.js';
import { dataTable, summaryList, section } from '../components.js';

const LOCALES = { nl: 'nl-NL', en: 'en-GB' };

/** A whole number of persons, with its exact value in data-value. */
export function persons(value, id) {
  return h('span', { id, dataset: { value: String(value) } }, formatNumber(Math.round(value)));
}

function percent(value, id) {
  const text = new Intl.NumberFormat(LOCALES[currentLanguage()], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return h('span', { id, dataset: { value: String(value) } }, text);
}

function interval(ci, id, format = persons) {
  if (!ci) return t('mse.noInterval');
  return h('span', { id }, t('mse.intervalFrom'), ' ', format(ci.lower, id && `${id}-lower`), ' ', t('mse.intervalTo'), ' ', format(ci.upper, id && `${id}-upper`));
}

const listLabel = (labels, code) => labels.get(code) || code;

function overlapTable(view, labels, prefix) {
  const { overlap } = view;
  const cell = (c) => (c.count === null || c.count === undefined
    ? h('span', { class: 'suppressed', dataset: { suppressed: c.suppressed } }, t('mse.suppressed', c.display))
    : h('span', { dataset: { value: String(c.count) } }, formatNumber(c.count)));
  const rows = [...overlap.cells.map((c) => ({ name: c.lists.map((l) => listLabel(labels, l)).join(' + '), c })),
    { name: t('mse.overlap.observed'), c: overlap.observed }];
  return h('div', { id: `${prefix}-overlap` }, h('p', { class: 'hint' }, t('mse.overlap.hint', overlap.k)),
    dataTable({ caption: t('mse.overlap.caption'), rows,
      columns: [{ label: t('mse.overlap.lists'), value: (r) => r.name }, { label: t('mse.overlap.persons'), value: (r) => cell(r.c), numeric: true }] }));
}

function linkageTable(view) {
  if (!view.linkage) return null;
  return dataTable({ caption: t('mse.linkage.caption'), rows: view.linkage.registrationsByMatch,
    columns: [{ label: t('mse.linkage.match'), value: (c) => t(`mse.match.${c.lists[0]}`) },
      { label: t('mse.linkage.registrations'), value: (c) => (c.count === null ? t('mse.suppressed', c.display) : formatNumber(c.count)), numeric: true }] });
}

/** "A:B" with list codes that may hold a colon themselves ("org:8:org:9"): split where both sides are lists. */
function termLists(term, labels) {
  for (let at = term.indexOf(':'); at >= 0; at = term.indexOf(':', at + 1)) {
    const left = term.slice(0, at);
    const right = term.slice(at + 1);
    if (labels.has(left) && labels.has(right)) return [left, right];
  }
  return [term];
}

function termsText(terms, labels) {
  return terms.length ? terms.map((term) => termLists(term, labels).map((l) => listLabel(labels, l)).join(' × ')).join(', ') : t('mse.terms.none');
}

function modelsTable(view, labels, prefix) {
  return h('div', { id: `${prefix}-models` }, dataTable({ caption: t('mse.models.caption'), rows: view.models,
    columns: [
      { label: t('mse.model'), value: (m) => [t(`mse.model.${m.model}`), m.model === view.chosenModel ? ` (${t('mse.models.chosen')})` : ''] },
      { label: t('mse.terms'), value: (m) => termsText(m.terms, labels) },
      { label: t('mse.populationSize'), value: (m) => persons(m.populationSize, `${prefix}-model-${m.model}-n`), numeric: true },
      { label: t('mse.ci'), value: (m) => interval(m.ci, `${prefix}-model-${m.model}-ci`), numeric: true },
    ] }));
}

function estimateSummary(view, labels, prefix) {
  const e = view.estimate;
  const b = view.bootstrap;
  return h('div', { id: `${prefix}-estimate` }, summaryList([
    [t('mse.chosenModel'), `${t(`mse.model.${e.model}`)}: ${termsText(e.terms, labels)}`],
    [t('mse.observed'), persons(e.observed, `${prefix}-observed`)],
    [t('mse.populationSize'), persons(e.populationSize, `${prefix}-n`)],
    [t('mse.ci'), interval(e.ci, `${prefix}-ci`)],
    [t('mse.ciBca'), interval(e.ciBca, `${prefix}-bca`)],
    [t('mse.dark'), persons(e.dark, `${prefix}-dark`)],
    [t('mse.share'), percent(e.shareInvisible, `${prefix}-share`)],
    [t('mse.shareCi'), interval(e.shareInvisibleCi, `${prefix}-share-ci`, percent)],
    [t('mse.shareCiBca'), interval(e.shareInvisibleCiBca, `${prefix}-share-bca`, percent)],
    b ? [t('mse.bootstrap'), t('mse.bootstrap.value', formatNumber(b.resamples), formatNumber(b.skipped), b.seed)] : null,
    [t('mse.threshold'), formatNumber(view.threshold)],
  ]));
}

/** The sections of one estimate; prefix keeps element ids apart (page estimate vs upload). */
export function estimateSections(view, prefix) {
  const labels = new Map(view.selection.lists.map((l) => [l.code, l.label]));
  return [
    section(t('mse.estimate.title'), h('p', {}, t('mse.estimate.body')), estimateSummary(view, labels, prefix)),
    section(t('mse.models.title'), h('p', {}, t('mse.models.body')), modelsTable(view, labels, prefix)),
    section(t('mse.overlap.title'), overlapTable(view, labels, prefix), linkageTable(view)),
  ];
}
