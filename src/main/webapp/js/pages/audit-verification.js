// Auditor: verify the hash chain of the whole access log (GET api/audit/verification).

import { h, clear, pageHeading, append } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { get } from '../api.js';
import { errorText } from '../forms.js';
import { notification, summaryList } from '../components.js';

function report(r) {
  if (r.intact) return notification('success', t('audit.verification.ok'), t('audit.verification.okBody', formatNumber(r.sealsChecked)));
  return notification('error', t('audit.verification.broken'), t('audit.verification.brokenBody'),
    summaryList([[t('audit.verification.sealsChecked'), formatNumber(r.sealsChecked)],
      [t('audit.verification.brokenAtSeq'), r.brokenAtSeq === null ? null : formatNumber(r.brokenAtSeq)],
      [t('audit.entry'), r.entryId === null ? null : formatNumber(r.entryId)],
      // The verifier's own words are English; marked so that a screen reader reads them as such.
      [t('audit.verification.problem'), h('span', { lang: 'en' }, r.problem || '')]]));
}

export async function render(main) {
  const result = h('div', { id: 'verification-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button', id: 'verify', on: { click: async () => {
    button.disabled = true;
    append(clear(result), h('p', {}, t('audit.verification.running')));
    try {
      append(clear(result), report((await get('api/audit/verification')).data));
    } catch (error) {
      append(clear(result), notification('error', null, errorText(error)));
    } finally {
      button.disabled = false;
    }
  } } }, t('audit.verification.run'));
  append(main, pageHeading(t('audit.verification.title')), h('p', { class: 'lead' }, t('audit.verification.intro')), button, result);
}
