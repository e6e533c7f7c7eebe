// Break-glass: a case worker opens one case outside their scope, with a stated reason,
// for a limited time. The server decides and logs; this module asks for the reason and keeps the
// end of the window (no reason, no case data) in the tab's session storage for the banner.

import { h } from './dom.js';
import { t, formatTime } from './i18n.js';
import { post } from './api.js';
import { createForm } from './forms.js';
import { notification, section } from './components.js';

const KEY = 'kz.breakGlass';
const MIN_REASON = 10;

function grants() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
}

function remember(grant) {
  const all = grants();
  all[grant.caseId] = grant.expiresAt;
  sessionStorage.setItem(KEY, JSON.stringify(all));
}

/** When this tab's break-glass access to the case ends, or null when it has none (or it ended). */
export function breakGlassUntil(caseId) {
  const until = grants()[caseId];
  return until && new Date(until) > new Date() ? until : null;
}

export function forgetBreakGlass() {
  sessionStorage.removeItem(KEY);
}

export function breakGlassBanner(until) {
  return h('div', { class: 'notification notification--warning notification--break-glass', role: 'status', id: 'break-glass-banner' },
    h('h2', { class: 'notification__title' }, t('breakGlass.activeTitle', formatTime(until))),
    h('p', {}, t('breakGlass.activeBody')));
}

/** The offer on a case page that answered 404: state a reason and open the case. */
export function breakGlassOffer(caseId, onOpened) {
  const form = createForm({
    id: 'break-glass', submitLabel: t('breakGlass.open'),
    fields: [{ name: 'reason', type: 'textarea', label: t('breakGlass.reason'), hint: t('breakGlass.reason.hint'), required: true,
      validate: (v) => (v.length < MIN_REASON ? t('breakGlass.reason.tooShort', MIN_REASON) : null) }],
    onSubmit: async ({ reason }) => {
      const { data } = await post('api/break-glass', { caseId: Number(caseId), reason });
      remember(data);
      await onOpened(data);
    },
  });
  return section(t('breakGlass.offerTitle'), h('p', {}, t('breakGlass.offer')), form.element);
}

export function notInScope(caseId) {
  return notification('info', null, t('breakGlass.notInScope', caseId));
}
