// Coordinators see aggregates only; the reports arrive with the reporting feature.

import { h, pageHeading } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main) {
  main.append(pageHeading(t('coordinator.title')), h('p', { class: 'lead' }, t('coordinator.intro')));
}
