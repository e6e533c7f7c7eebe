// The coordinator's start page. Coordinators see aggregates only, never a case or a person: the
// regional reference data, report downloads, and the partners per police unit.

import { h, pageHeading, append } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { dataTable, section } from '../components.js';
import { policeUnits } from '../reference.js';
import { organisations } from '../organisations.js';
import { reportDownloads } from './coordinator-reports.js';
import { REPORTS } from '../reports/registry.js';

/** Links to every report page with what it shows. */
export function reportLinks() {
  return h('ul', { class: 'list', id: 'report-pages' }, REPORTS.map((r) => h('li', {},
    h('a', { href: `#${r.path}`, id: `report-link-${r.id}` }, t(`report.${r.id}.title`)), ` – ${t(`report.${r.id}.summary`)}`)));
}

/** Partner organisations counted per police unit, with their kinds. */
async function partnersPerUnit() {
  const [units, orgs] = await Promise.all([policeUnits(), organisations()]);
  const rows = [...units.map((u) => ({ code: u.code, name: u.name })), { code: null, name: t('coordinator.noUnit') }]
    .map((u) => {
      const here = orgs.filter((o) => (o.policeUnit || null) === u.code);
      const types = [...new Set(here.map((o) => o.type))]
        .map((type) => `${t(`organisationType.${type}`)}: ${formatNumber(here.filter((o) => o.type === type).length)}`);
      return { ...u, count: here.length, types: types.join(', ') };
    });
  return dataTable({
    caption: t('coordinator.partners.caption'), rows,
    columns: [{ label: t('case.policeUnit'), value: (r) => r.name },
      { label: t('coordinator.partners.count'), value: (r) => formatNumber(r.count), numeric: true },
      { label: t('coordinator.partners.types'), value: (r) => r.types || '–' }],
  });
}

export async function render(main, { query }) {
  append(main, pageHeading(t('coordinator.title')), h('p', { class: 'lead' }, t('coordinator.intro')),
    section(t('monitor.title'), h('p', {}, h('a', { href: '#/monitor', id: 'coordinator-monitor' }, t('monitor.title')), ` – ${t('monitor.intro')}`)),
    section(t('report.index.title'), reportLinks()),
    section(t('coordinator.available'),
      h('ul', { class: 'list' },
        h('li', {}, h('a', { href: '#/reference', id: 'coordinator-reference' }, t('coordinator.reference')), ` – ${t('coordinator.reference.body')}`),
        h('li', {}, h('a', { href: '#coordinator-partners' }, t('coordinator.partners')), ` – ${t('coordinator.partners.body')}`),
        h('li', {}, h('a', { href: '#report-choice' }, t('coordinator.reports')), ` – ${t('coordinator.reports.summary')}`))),
    reportDownloads(query),
    h('section', { class: 'section', id: 'coordinator-partners', tabindex: '-1' },
      h('h2', { class: 'section__title' }, t('coordinator.partners')), await partnersPerUnit()));
}
