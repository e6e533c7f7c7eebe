// The coordinator's dark-number page: choose period, region and lists (partner types or named
// partners), then see the estimate from the linked registrations (POST api/mse/estimates), the
// estimate over the years (GET api/mse/series), a CSV download (POST api/mse/exports), and an
// estimate from an uploaded capture-history table (POST api/mse/uploads).

import { h, pageHeading, append, clear } from '../dom.js';
import { t, formatNumber, serverText } from '../i18n.js';
import { post, get, postText, download, query as qs } from '../api.js';
import { createForm, enumOptions, errorText } from '../forms.js';
import { section, notification } from '../components.js';
import { navigate } from '../router.js';
import { policeUnits } from '../reference.js';
import { organisations } from '../organisations.js';
import { currentUser } from '../session.js';
import { estimateSections } from './mse-views.js';
import { seriesChart } from './mse-chart.js';

const PATH = '/coordinator/dark-number';
const TYPES = ['POLICE', 'OM', 'CARE', 'YOUTH_CARE', 'NATIONAL', 'KMAR', 'INSPECTORATE', 'OTHER'];
const SERIES_YEARS = 5;

function years() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2014 }, (_, i) => String(now - i));
}

/** The choice in the page address, or null when it is incomplete. */
function chosen(query) {
  const year = query.get('year');
  const lists = (query.get('lists') || '').split(',').filter(Boolean);
  if (!years().includes(year) || lists.length < 2) return null;
  const quarter = ['1', '2', '3', '4'].includes(query.get('quarter')) ? query.get('quarter') : '';
  return { year, quarter, region: query.get('region') || 'NATIONAL', lists };
}

function requestOf(choice) {
  const period = choice.quarter ? { year: Number(choice.year), quarter: Number(choice.quarter) } : { year: Number(choice.year) };
  return { period, region: choice.region, lists: choice.lists };
}

function choiceForm(units, orgs, choice) {
  const values = choice || { year: String(new Date().getFullYear() - 1), quarter: '', region: 'NATIONAL', lists: [] };
  const form = createForm({
    id: 'mse-choice', submitLabel: t('mse.show'), values: { ...values, types: values.lists.filter((l) => !l.startsWith('org:')),
      partners: values.lists.filter((l) => l.startsWith('org:')) },
    fields: [
      { name: 'year', type: 'select', label: t('mse.year'), required: true, options: years().map((y) => ({ value: y, label: y })) },
      { name: 'quarter', type: 'select', label: t('mse.quarter'), placeholder: t('mse.quarter.whole'),
        options: ['1', '2', '3', '4'].map((q) => ({ value: q, label: t('mse.quarter.n', q) })) },
      { name: 'region', type: 'select', label: t('mse.region'), required: true,
        options: [{ value: 'NATIONAL', label: t('mse.region.national') }, ...units.map((u) => ({ value: u.code, label: u.name }))] },
      { name: 'types', type: 'checkboxes', label: t('mse.lists.types'), hint: t('mse.lists.hint'), options: enumOptions('organisationType', TYPES) },
      { name: 'partners', type: 'checkboxes', label: t('mse.lists.partners'),
        options: orgs.map((o) => ({ value: `org:${o.id}`, label: `${o.name} (${t(`organisationType.${o.type}`)})` })) },
    ],
    onSubmit: async (v, api) => {
      const lists = [...(v.types || []), ...(v.partners || [])];
      if (lists.length < 2 || lists.length > 8) {
        api.showErrors([{ field: 'types', message: t('mse.lists.count') }]);
        return;
      }
      navigate(`${PATH}${qs({ year: v.year, quarter: v.quarter, region: v.region, lists: lists.join(',') })}`);
    },
  });
  return form.element;
}

async function downloadCsv(choice, status) {
  clear(status);
  try {
    await download('api/mse/exports', requestOf(choice), `dark-number-${choice.year}.csv`, 'text/csv');
    append(status, t('mse.download.done'));
  } catch (error) {
    append(status, errorText(error));
  }
}

/** 422: no estimate exists (or too few persons); the server's reason follows. */
function refusal(error) {
  return error.status === 422 && error.problem.code ? t('mse.refused.body', serverText(error.problem)) : errorText(error);
}

async function results(choice) {
  const series = get(`api/mse/series${qs({ fromYear: Number(choice.year) - SERIES_YEARS + 1, toYear: choice.year, region: choice.region })}`
    + choice.lists.map((l) => `&lists=${encodeURIComponent(l)}`).join('')).catch((e) => e);
  let view;
  try {
    view = (await post('api/mse/estimates', requestOf(choice))).data;
  } catch (error) {
    if (!error.status) throw error;
    return [notification('error', error.status === 422 ? t('mse.refused.title') : t('error.pageTitle'), h('p', { id: 'mse-refusal' }, refusal(error)))];
  }
  const status = h('p', { role: 'status', class: 'hint', id: 'mse-download-status' });
  const csv = h('button', { type: 'button', class: 'button button--secondary', id: 'mse-download', on: { click: () => downloadCsv(choice, status) } },
    t('mse.download'));
  const yearly = await series;
  return [
    ...estimateSections(view, 'mse'),
    section(t('mse.series.title'), h('p', {}, t('mse.series.body')),
      yearly instanceof Error ? notification('error', null, errorText(yearly)) : seriesChart(yearly.data)),
    section(t('mse.download.title'), h('p', {}, t('mse.download.body', formatNumber(view.overlap.k))), csv, status),
  ];
}

/** Where an upload error is: "line 3, column 2" from the server as a Dutch or English phrase. */
function where(field) {
  const m = /^line (\d+)(?:, column (\d+))?$/.exec(field || '');
  if (!m) return null;
  return m[2] ? t('mse.upload.lineColumn', m[1], m[2]) : t('mse.upload.line', m[1]);
}

function uploadSection() {
  const result = h('div', { id: 'mse-upload-result', 'aria-live': 'polite' });
  const file = h('input', { type: 'file', id: 'mse-upload-file', name: 'file', accept: '.csv,text/csv', class: 'file-upload', 'aria-describedby': 'mse-upload-file-hint' });
  const terms = h('input', { type: 'text', id: 'mse-upload-terms', name: 'terms', class: 'input', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'mse-upload-terms-hint' });
  const submit = async (event) => {
    event.preventDefault();
    clear(result);
    const chosenFile = file.files && file.files[0];
    if (!chosenFile) {
      append(result, notification('error', t('mse.upload.failed'), t('mse.upload.noFile')));
      return;
    }
    const params = terms.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => `terms=${encodeURIComponent(s)}`).join('&');
    try {
      const view = (await postText(`api/mse/uploads${params ? `?${params}` : ''}`, await chosenFile.text(), 'text/csv')).data;
      append(result, notification('success', t('mse.upload.done', chosenFile.name)), estimateSections(view, 'upload'));
    } catch (error) {
      if (!error.status) throw error;
      const problems = error.fieldErrors.map((e) => h('li', {}, [where(e.field), serverText(e)].filter(Boolean).join(': ')));
      append(result, notification('error', error.status === 422 ? t('mse.refused.title') : t('mse.upload.failed'),
        h('p', { id: 'mse-upload-error' }, error.status === 422 ? refusal(error) : t('mse.upload.malformed')),
        problems.length ? h('ul', { class: 'list', id: 'mse-upload-problems' }, problems) : null));
    }
  };
  return section(t('mse.upload.title'), h('p', {}, t('mse.upload.body')),
    h('form', { id: 'mse-upload', class: 'form', novalidate: true, on: { submit } },
      h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'mse-upload-file' }, t('mse.upload.file')),
        h('div', { class: 'hint', id: 'mse-upload-file-hint' }, t('mse.upload.file.hint')), file),
      h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'mse-upload-terms' }, `${t('mse.upload.terms')} ${t('form.optional')}`),
        h('div', { class: 'hint', id: 'mse-upload-terms-hint' }, t('mse.upload.terms.hint')), terms),
      h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', id: 'mse-upload-submit' }, t('mse.upload.submit')))),
    result);
}

export async function render(main, { query }) {
  const [allUnits, allOrgs] = await Promise.all([policeUnits(), organisations()]);
  // A regional coordinator is offered what the server's regional scope allows: their own unit (and
  // the national figure), and partners of their unit or without one.
  const own = currentUser() && currentUser().policeUnit;
  const units = own ? allUnits.filter((u) => u.code === own) : allUnits;
  const orgs = own ? allOrgs.filter((o) => !o.policeUnit || o.policeUnit === own) : allOrgs;
  const choice = chosen(query);
  append(main, pageHeading(t('mse.title')), h('p', { class: 'lead' }, t('mse.intro')),
    section(t('mse.choice.title'), choiceForm(units, orgs, choice)));
  if (choice) append(main, h('div', { id: 'mse-results' }, await results(choice)));
  append(main, uploadSection());
}
