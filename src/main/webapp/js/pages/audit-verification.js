// Auditor: verify the hash chain of the access log.

import { h, clear, pageHeading } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { post, get } from '../api.js';
import { errorText } from '../forms.js';
import { notification } from '../components.js';

export async function render(main) {
  const result = h('div', { id: 'verification-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button', id: 'verify', on: { click: async () => {
    clear(result).append(h('p', {}, t('audit.verification.running')));
    try {
      const { data } = await post('api/audit/verification', {}).catch((e) => (e.status === 405 ? get('api/audit/verification') : Promise.reject(e)));
      clear(result).append(data.valid
        ? notification('success', t('audit.verification.ok'), t('audit.verification.okBody', formatNumber(data.entries ?? data.checked ?? 0)))
        : notification('error', t('audit.verification.broken'), t('audit.verification.brokenBody', String(data.firstBrokenSequence ?? data.brokenAt ?? '?'))));
    } catch (error) {
      clear(result).append(notification(error.status === 404 ? 'info' : 'error', null, error.status === 404 ? t('audit.notAvailable') : errorText(error)));
    }
  } } }, t('audit.verification.run'));
  main.append(pageHeading(t('audit.verification.title')), h('p', { class: 'lead' }, t('audit.verification.intro')), button, result);
}
