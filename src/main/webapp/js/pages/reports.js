// The list of report pages, for the navigation.

import { append, pageHeading, h } from '../dom.js';
import { t } from '../i18n.js';
import { reportLinks } from './coordinator.js';

export async function render(main) {
  append(main, pageHeading(t('report.index.title')), h('p', { class: 'lead' }, t('report.index.intro')), reportLinks());
}
