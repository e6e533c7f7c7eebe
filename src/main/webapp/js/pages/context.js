// Context per year, kept by coordinators and administrators so that outcomes can be set against
// inputs (measure 7): capacity per police unit, local priorities, programmes and pilots, CSV upload.

import { h, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { currentUser } from '../session.js';

const PAGES = ['capacity', 'priorities', 'pilots', 'upload'];

export async function render(main) {
  const unit = currentUser().role === 'COORDINATOR' ? currentUser().policeUnit : null;
  append(main, pageHeading(t('context.title')), h('p', { class: 'lead' }, t('context.intro')),
    unit ? h('p', { id: 'context-scope' }, t('context.scope.regional', unit)) : null,
    h('ul', { class: 'list', id: 'context-pages' }, PAGES.map((p) => h('li', {},
      h('a', { href: `#/context/${p}`, id: `context-link-${p}` }, t(`context.${p}.title`)), ` – ${t(`context.${p}.summary`)}`))));
}
