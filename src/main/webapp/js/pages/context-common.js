// What the context pages share: the years a value may be kept for, the police units a coordinator
// keeps (a regional coordinator their own), FTE in the user's language, and a record's history.

import { h } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { dataTable } from '../components.js';
import { policeUnits } from '../reference.js';
import { currentUser } from '../session.js';

const FIRST_YEAR = 2000;

/** The years a context value is kept for: next year's plan back to 2000, newest first. */
export function contextYears() {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => String(last - i));
}

export const plainOptions = (list) => list.map((v) => ({ value: v, label: v }));

/** The police units the user keeps context for, as select options. */
export async function unitOptions() {
  const own = currentUser().role === 'COORDINATOR' ? currentUser().policeUnit : null;
  return (await policeUnits()).filter((u) => !own || u.code === own).map((u) => ({ value: u.code, label: u.name }));
}

export async function unitName(code) {
  return ((await policeUnits()).find((u) => u.code === code) || {}).name || code;
}

/** Full-time equivalents with up to two decimals, as the user's language writes them. */
export function formatFte(n) {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(n);
}

/** Who saved: a user's pseudonymous id, or the demo's seed. */
export function actorText(actor) {
  return actor === 'demo-seed' ? t('context.actor.demo') : actor;
}

/** Every version of a record, newest first: version, what it held, who saved it and when. */
export function historyTable(caption, versions, valueColumns) {
  return h('section', { class: 'section', id: 'context-history' }, h('h2', { class: 'section__title' }, t('context.history')),
    dataTable({ caption, rows: versions, empty: t('context.history.none'),
      columns: [{ label: t('context.version'), value: (v) => String(v.version) }, ...valueColumns,
        { label: t('context.changedBy'), value: (v) => actorText(v.changedBy) },
        { label: t('context.changedAt'), value: (v) => formatDateTime(v.changedAt) }] }));
}
