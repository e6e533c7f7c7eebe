// The coordinator's report downloads (GET api/reports/{measure}/export.csv|xlsx): per year and
// region level, suppressed by the server with the publication threshold.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { query as qs } from '../api.js';
import { createForm, enumOptions } from '../forms.js';
import { section } from '../components.js';
import { navigate } from '../router.js';

const MEASURES = ['dependency', 'clients'];
const LEVELS = ['POLICE_UNIT', 'COURT_DISTRICT', 'PROSECUTION_OFFICE'];

function years() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2014 }, (_, i) => String(now - i));
}

export function reportDownloads(query) {
  const year = years().includes(query.get('year')) ? query.get('year') : String(new Date().getFullYear() - 1);
  const level = LEVELS.includes(query.get('level')) ? query.get('level') : 'POLICE_UNIT';
  const form = createForm({
    id: 'report-choice', submitLabel: t('coordinator.show'), values: { year, level },
    fields: [
      { name: 'year', type: 'select', label: t('coordinator.year'), required: true, options: years().map((y) => ({ value: y, label: y })) },
      { name: 'level', type: 'radios', label: t('coordinator.level'), required: true, options: enumOptions('coordinator.level', LEVELS) },
    ],
    onSubmit: async (v) => navigate(`/coordinator${qs(v)}`),
  });
  const cut = qs({ year, level });
  const links = MEASURES.map((m) => h('li', { class: 'download-list__item' }, h('span', { class: 'download-list__name' }, t(`coordinator.measure.${m}`)), ' ',
    ['csv', 'xlsx'].map((type) => [' ', h('a', { href: `api/reports/${m}/export.${type}${cut}`, download: `${m}-${year}.${type}`, class: 'download-list__link' },
      t(`coordinator.download.${type}`), h('span', { class: 'visually-hidden' }, ` ${t(`coordinator.measure.${m}`)} ${year}`))])));
  return section(t('coordinator.reports'), h('p', {}, t('coordinator.reports.body')), form.element,
    h('h3', {}, t('coordinator.downloads', year, t(`coordinator.level.${level}`))), h('ul', { class: 'download-list', id: 'report-downloads' }, links),
    h('p', {}, h('a', { href: '#/coordinator/dark-number', id: 'coordinator-dark-number' }, t('coordinator.mse'))));
}
