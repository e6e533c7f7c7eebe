// Exchange and open release (national coordinators): HTCDS records for the Counter-Trafficking Data
// Collaborative, the UNODC GLOTIP and Eurostat tables, and the k-anonymous open release with its report of
// what was generalised and withheld. The period is the page's URL query; every file is the server's.

import { h, append, pageHeading } from '../dom.js';
import { t, formatNumber, formatPercent } from '../i18n.js';
import { get } from '../api.js';
import { dataTable } from '../components.js';
import { currentUser } from '../session.js';
import { handleSubmitError } from '../forms.js';

function yearSelect(id, name, year) {
  const thisYear = new Date().getFullYear();
  const options = [];
  for (let y = thisYear; y >= 2000; y -= 1) options.push(h('option', { value: String(y), selected: y === year }, String(y)));
  return h('select', { id, name, class: 'input' }, options);
}

function periodForm(from, to) {
  const fromSelect = yearSelect('exchange-from', 'fromYear', from);
  const toSelect = yearSelect('exchange-to', 'toYear', to);
  return h('form', { class: 'form form--inline', id: 'exchange-form', on: { submit: (e) => {
    e.preventDefault();
    window.location.hash = `#/exchange?fromYear=${fromSelect.value}&toYear=${toSelect.value}`;
  } } },
  h('div', { class: 'field' }, h('label', { for: 'exchange-from', class: 'field__label' }, t('exchange.fromYear')), fromSelect),
  h('div', { class: 'field' }, h('label', { for: 'exchange-to', class: 'field__label' }, t('exchange.toYear')), toSelect),
  h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button' }, t('exchange.show'))));
}

function download(id, href, file, label, note) {
  return h('li', {}, h('a', { id, href, download: file }, label), ' ', h('span', { class: 'body' }, note));
}

function releaseReport(r) {
  const levels = dataTable({
    caption: t('exchange.release.qis'), rows: r.quasiIdentifiers,
    columns: [{ label: t('exchange.release.qi'), value: (q) => t(`exchange.qi.${q.name}`) },
      { label: t('exchange.release.level'), value: (q) => t('exchange.release.levelOf', q.level, q.highestLevel), numeric: true },
      { label: t('exchange.release.generalised'), value: (q) => (q.level > 0 ? t('common.yes') : t('common.no')) }],
  });
  const share = r.records ? r.withheld / r.records : 0;
  return h('section', { class: 'section', id: 'exchange-release-report' },
    h('h2', { class: 'section__title' }, t('exchange.release.title')),
    h('p', {}, t('exchange.release.summary', formatNumber(r.records), formatNumber(r.released), formatNumber(r.withheld),
      formatPercent(share), r.k, formatNumber(r.classes), formatNumber(r.smallestClass))),
    levels);
}

export async function render(main, { query }) {
  const last = new Date().getFullYear() - 1;
  const askedTo = Number(query.get('toYear'));
  const to = Number.isInteger(askedTo) && askedTo >= 2000 ? askedTo : last;
  const askedFrom = Number(query.get('fromYear'));
  const from = Number.isInteger(askedFrom) && askedFrom >= 2000 ? askedFrom : to;
  append(main, pageHeading(t('exchange.title')), h('p', { class: 'lead' }, t('exchange.intro')));
  if (currentUser() && currentUser().policeUnit) {
    append(main, h('p', { id: 'exchange-national-only' }, t('problem.forbidden.exchangeNational')));
    return;
  }
  const form = periodForm(from, to);
  append(main, form);
  let report;
  try {
    report = (await get(`api/exchange/release/report?fromYear=${from}&toYear=${to}`)).data;
  } catch (error) {
    if (error.status !== 400) throw error;
    await handleSubmitError(error, form);
    return;
  }
  const span = `fromYear=${from}&toYear=${to}`;
  append(main,
    h('section', { class: 'section', id: 'exchange-downloads' },
      h('h2', { class: 'section__title' }, t('exchange.downloads', from, to)),
      h('ul', { class: 'list' },
        download('exchange-htcds-json', `api/exchange/htcds.json?${span}`, `htcds-${from}-${to}.json`, t('exchange.htcds.json'), t('exchange.htcds.note')),
        download('exchange-htcds-csv', `api/exchange/htcds.csv?${span}`, `htcds-${from}-${to}.csv`, t('exchange.htcds.csv'), t('exchange.htcds.note')),
        download('exchange-glotip', `api/exchange/glotip.xlsx?year=${to}`, `glotip-${to}.xlsx`, t('exchange.glotip', to), t('exchange.glotip.note')),
        download('exchange-release', `api/exchange/release.csv?${span}`, `release-${from}-${to}.csv`, t('exchange.release.csv'), t('exchange.release.note', report.k))),
      h('p', {}, t('exchange.logged'))),
    releaseReport(report));
}
