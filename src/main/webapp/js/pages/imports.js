// Bulk import of a file (CSV or XLSX) of one of the templates the user's role may import (cases,
// context per year, registrations): upload and check it (a dry run with the API's own rules), read the
// problems per row and column, then import it per case (per row where a file has no cases) or all or
// nothing, and follow the progress. The job lives on the server: its address (#/imports/:id) survives
// a page reload.

import { h, pageHeading, append, clear } from '../dom.js';
import { t, currentLanguage, formatNumber, formatDateTime } from '../i18n.js';
import { get, post, postText } from '../api.js';
import { errorText } from '../forms.js';
import { navigate } from '../router.js';
import { dataTable, notification, section, summaryList } from '../components.js';

const RUNNING = new Set(['PREVIEWING', 'COMMITTING']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// What a PER_CASE commit keeps together: a case with all its rows, or, in files without cases, one row.
const UNIT = { cases: 'case', context: 'row', registrations: 'row' };
let timer = null;

function unitOf(job) {
  return UNIT[job.template || 'cases'] || 'row';
}

function progressBar(job) {
  const p = job.progress;
  const details = [t('imports.progress.rows', formatNumber(p.rowsDone), formatNumber(p.totalRows))];
  if (p.rowsPerSecond !== null && p.rowsPerSecond !== undefined) details.push(t('imports.progress.rate', formatNumber(Math.round(p.rowsPerSecond))));
  if (RUNNING.has(job.status) && p.secondsLeft !== null && p.secondsLeft !== undefined) details.push(t('imports.progress.left', formatNumber(p.secondsLeft)));
  // The bar is drawn by a native progress element (no style attribute: the Content-Security-Policy forbids it);
  // the surrounding progressbar carries the values for assistive technology.
  const fill = h('progress', { class: 'progress__bar', max: '100', value: String(p.percent), 'aria-hidden': 'true' });
  return h('div', { class: 'import-progress' },
    h('div', { id: 'import-progress', class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': String(p.percent), 'aria-valuetext': `${p.percent}%`, 'aria-labelledby': 'import-progress-label' }, fill),
    h('p', { id: 'import-progress-label', class: 'hint' }, `${t(`imports.status.${job.status}`)} – ${p.percent}% · ${details.join(' · ')}`));
}

function summary(job) {
  const s = job.summary;
  const done = job.phase === 'COMMIT' ? 'done' : 'would';
  return summaryList([
    [t('imports.template'), h('span', { id: 'import-job-template' }, t(`imports.template.${job.template || 'cases'}`))],
    [t('imports.file'), `${job.fileName} (${formatNumber(job.totalRows)} ${t('imports.rows')})`],
    [t(`imports.summary.create.${done}`), formatNumber(s.create)],
    [t(`imports.summary.update.${done}`), formatNumber(s.update)],
    [t('imports.summary.unchanged'), formatNumber(s.unchanged)],
    [t('imports.summary.refused'), h('span', { id: 'import-refused-count' }, formatNumber(s.refused))],
    // Where a unit is one row, the refused units are the refused rows above.
    unitOf(job) === 'case' ? [t('imports.summary.refusedCases'), formatNumber(s.refusedCases)] : null,
  ]);
}

async function problemsTable(job) {
  if (!job.summary.refused) return h('p', { class: 'body', id: 'import-no-problems' }, t('imports.noProblems'));
  const page = (await get(`api/imports/${job.id}/problems?limit=200&lang=${currentLanguage()}`)).data;
  return h('div', {},
    dataTable({ caption: t('imports.problems.caption', formatNumber(page.total)), rows: page.items, columns: [
      { label: t('imports.problems.row'), value: (p) => String(p.row) },
      { label: t('imports.problems.column'), value: (p) => p.column || '–' },
      { label: t('imports.problems.problem'), value: (p) => (p.rule ? `${p.text} (${p.rule})` : p.text) }] }),
    page.total > page.items.length ? h('p', { class: 'hint' }, t('imports.problems.more', formatNumber(page.items.length))) : null,
    h('p', {}, h('a', { id: 'import-refused-download', class: 'button button--secondary', download: `import-${job.id}-refused.csv`,
      href: `api/imports/${job.id}/refused-rows?lang=${currentLanguage()}` }, t('imports.refused.download'))));
}

function modeLabel(job, mode) {
  return mode === 'PER_CASE' && unitOf(job) === 'row' ? t('imports.mode.PER_ROW') : t(`imports.mode.${mode}`);
}

function commitForm(job, show) {
  const modes = ['PER_CASE', 'ALL_OR_NOTHING'].map((m, i) => h('div', { class: 'radios__item' },
    h('input', { class: 'radios__input', type: 'radio', name: 'mode', id: `import-mode-${m}`, value: m, checked: i === 0 }),
    h('label', { class: 'radios__label', for: `import-mode-${m}` }, modeLabel(job, m))));
  return h('form', { id: 'import-commit-form', class: 'form', novalidate: true, on: { submit: async (e) => {
    e.preventDefault();
    const mode = modes.map((d) => d.querySelector('input')).find((i) => i.checked).value;
    try {
      show((await post(`api/imports/${job.id}/commit?lang=${currentLanguage()}`, { mode })).data);
    } catch (error) {
      show(job, error);
    }
  } } },
  h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset' }, h('legend', { class: 'fieldset__legend' }, t('imports.mode')),
    h('div', { class: 'radios' }, modes))),
  h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', id: 'import-commit' }, t('imports.commit'))));
}

/** The kinds of file the user may import: a radio group, or, with only one, a sentence naming it. */
function templateChoice(templates) {
  const item = (name) => h('div', { class: 'radios__item' },
    h('input', { class: 'radios__input', type: 'radio', name: 'template', id: `import-choice-${name}`, value: name,
      checked: name === templates[0], 'aria-describedby': `import-choice-${name}-hint` }),
    h('div', {}, h('label', { class: 'radios__label', for: `import-choice-${name}` }, t(`imports.template.${name}`)),
      h('div', { class: 'hint', id: `import-choice-${name}-hint` }, t(`imports.template.${name}.hint`))));
  if (templates.length === 1) {
    return h('div', { class: 'form-group' }, h('p', { class: 'body', id: 'import-template-only' },
      t('imports.template.only', t(`imports.template.${templates[0]}.noun`))), h('p', { class: 'hint' }, t(`imports.template.${templates[0]}.hint`)));
  }
  return h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset' },
    h('legend', { class: 'fieldset__legend' }, t('imports.template.legend')), h('div', { class: 'radios' }, templates.map(item))));
}

// The organisation's recent jobs of the kinds the user imports: a job lives on the server, so a check
// started earlier (or by a colleague) can be read, downloaded and imported from here.
async function recentJobs(lang) {
  const jobs = (await get(`api/imports?lang=${lang}`)).data;
  return section(t('imports.recent'), [dataTable({ caption: t('imports.recent.caption'), rows: jobs, empty: t('imports.recent.none'),
    columns: [
      { label: t('imports.file'), value: (j) => h('a', { href: `#/imports/${j.id}` }, j.fileName) },
      { label: t('imports.template'), value: (j) => t(`imports.template.${j.template}`) },
      { label: t('imports.recent.status'), value: (j) => t(`imports.status.${j.status}`) },
      { label: t('imports.recent.rows'), numeric: true, value: (j) => formatNumber(j.totalRows) },
      { label: t('imports.summary.refused'), numeric: true, value: (j) => formatNumber(j.summary.refused) },
      { label: t('imports.recent.uploaded'), value: (j) => formatDateTime(j.createdAt) }] })]);
}

function templateLinks(template, lang) {
  const noun = t(`imports.template.${template}.noun`);
  const href = (format) => `api/imports/template?template=${template}&format=${format}&lang=${lang}`;
  return h('ul', { class: 'list', id: 'import-template-links' },
    h('li', {}, h('a', { id: 'import-template-csv', href: href('csv'), download: '' }, t('imports.templateLink.csv', noun))),
    h('li', {}, h('a', { id: 'import-template-xlsx', href: href('xlsx'), download: '' }, t('imports.templateLink.xlsx', noun))));
}

export async function render(main, { params }) {
  clearTimeout(timer);
  const state = h('div', { id: 'import-job', 'aria-live': 'polite' });
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,.txt,.xlsx,text/csv,' + XLSX, class: 'file-upload',
    'aria-describedby': 'import-file-hint' });
  const lang = currentLanguage();
  const templates = (await get('api/imports/templates')).data.map((x) => x.template);
  const choice = templateChoice(templates);
  let links = templateLinks(templates[0], lang);
  const chosen = () => (templates.length === 1 ? templates[0] : choice.querySelector('input[name="template"]:checked').value);
  // Also after a language switch, which restores the checked radio and then fires this form's change event.
  const follow = () => {
    const next = templateLinks(chosen(), lang);
    links.replaceWith(next);
    links = next;
  };

  async function show(job, error) {
    clearTimeout(timer);
    clear(state);
    if (error) append(state, notification('error', t('imports.failed'), errorText(error)));
    const parts = [summary(job), progressBar(job)];
    if (job.failure) parts.push(notification('error', t('imports.failed'), job.failure.message));
    if (RUNNING.has(job.status)) {
      parts.push(h('button', { type: 'button', class: 'button button--secondary', id: 'import-cancel', on: { click: async () => {
        try { show((await post(`api/imports/${job.id}/cancellation?lang=${currentLanguage()}`, {})).data); } catch (e) { show(job, e); }
      } } }, t('imports.cancel')));
      timer = setTimeout(async () => {
        if (!document.body.contains(state)) return;
        try { show((await get(`api/imports/${job.id}?lang=${lang}`)).data); } catch (e) { show(job, e); }
      }, 500);
    } else if (job.phase) {
      parts.push(await problemsTable(job));
      if (job.status === 'PREVIEWED' || job.status === 'CANCELLED' || job.status === 'FAILED') parts.push(commitForm(job, show));
      if (job.status === 'COMMITTED') parts.push(notification('success', t('imports.committed'), t('imports.committed.body', formatNumber(job.summary.create), formatNumber(job.summary.update))));
    }
    append(state, section(t(`imports.phase.${job.phase || 'UPLOAD'}`), parts));
  }

  async function upload(e) {
    e.preventDefault();
    clear(state);
    const picked = file.files && file.files[0];
    if (!picked) {
      append(state, notification('error', t('imports.failed'), t('imports.noFile')));
      return;
    }
    const type = /\.xlsx$/i.test(picked.name) ? XLSX : 'text/csv';
    try {
      const job = (await postText(`api/imports?template=${chosen()}&fileName=${encodeURIComponent(picked.name)}&lang=${lang}`, picked, type)).data;
      const started = (await post(`api/imports/${job.id}/preview?lang=${currentLanguage()}`, {})).data;
      navigate(`/imports/${job.id}`);
      show(started);
    } catch (error) {
      append(state, notification('error', t('imports.refusedFile'), error.problem && error.problem.code
        ? h('p', { id: 'import-file-problem' }, errorText(error)) : errorText(error)));
    }
  }

  append(main, pageHeading(t('imports.title')), h('p', { class: 'lead' }, t('imports.intro')),
    h('form', { id: 'import-upload', class: 'form', novalidate: true, on: { submit: upload, change: follow } },
      choice, links,
      h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'import-file' }, t('imports.fileLabel')),
        h('div', { class: 'hint', id: 'import-file-hint' }, t('imports.fileHint')), file),
      h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', id: 'import-check' }, t('imports.check')))),
    state);
  if (!params || !params.id) {
    try {
      append(main, h('div', { id: 'import-recent' }, await recentJobs(lang)));
    } catch (error) {
      append(main, notification('error', t('imports.failed'), errorText(error)));
    }
  }
  if (params && params.id) {
    try {
      const job = (await get(`api/imports/${params.id}?lang=${lang}`)).data;
      // The form offers the shown job's kind of file, e.g. for a corrected file after a refused check.
      const own = document.getElementById(`import-choice-${job.template}`);
      if (own) {
        own.checked = true;
        follow();
      }
      await show(job);
    } catch (error) {
      append(state, notification('error', t('imports.failed'), errorText(error)));
    }
  }
}
