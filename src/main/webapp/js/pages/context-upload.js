// A CSV of capacity or local priorities: first checked (each row's change and what is wrong with it,
// in the user's language), then saved whole — every row or, if any is wrong, none.

import { h, pageHeading, append, clear } from '../dom.js';
import { t, serverText, formatNumber } from '../i18n.js';
import { postText } from '../api.js';
import { errorText } from '../forms.js';
import { backLink, dataTable, notification, section } from '../components.js';

const KINDS = {
  capacity: ['policeUnit', 'year', 'avim', 'zeden', 'digital', 'psychologists'],
  priorities: ['municipalityCode', 'year', 'priority'],
};

/** A row's errors in the user's language, each after the column it concerns. */
function errorsText(errors) {
  return errors.map((e) => {
    const column = KINDS.capacity.includes(e.field) || KINDS.priorities.includes(e.field) ? t(`context.column.${e.field}`) : null;
    return column ? t('error.field', column, serverText(e)) : serverText(e);
  }).join('; ');
}

function preview(kind, result) {
  const columns = KINDS[kind];
  return [
    h('p', { id: 'upload-summary' }, t('context.upload.counts', formatNumber(result.rows), formatNumber(result.newRows),
      formatNumber(result.changed), formatNumber(result.unchanged), formatNumber(result.invalid))),
    dataTable({ caption: t('context.upload.caption'), rows: result.lines, columns: [
      { label: t('context.upload.line'), value: (r) => String(r.line) },
      ...columns.map((c) => ({ label: t(`context.column.${c}`), value: (r) => r.values[c] || '' })),
      { label: t('context.upload.change'), value: (r) => h('span', { class: ['tag', r.change === 'INVALID' ? 'tag--warning' : 'tag--grey'] },
        t(`context.upload.change.${r.change}`)) },
      { label: t('context.upload.errors'), value: (r) => (r.errors.length ? h('span', { class: 'error-text' }, errorsText(r.errors)) : '–') }] }),
  ];
}

export async function render(main) {
  const result = h('div', { id: 'upload-result', 'aria-live': 'polite' });
  const kindInputs = Object.keys(KINDS).map((k, i) => h('div', { class: 'radios__item' },
    h('input', { class: 'radios__input', type: 'radio', name: 'kind', id: `upload-kind-${k}`, value: k, checked: i === 0 }),
    h('label', { class: 'radios__label', for: `upload-kind-${k}` }, t(`context.upload.kind.${k}`))));
  const file = h('input', { type: 'file', id: 'upload-file', name: 'file', accept: '.csv,.txt,text/csv', class: 'file-upload',
    'aria-describedby': 'upload-file-hint' });

  async function send(commit) {
    const chosen = file.files && file.files[0];
    clear(result);
    if (!chosen) {
      append(result, notification('error', t('context.upload.failed'), t('context.upload.noFile')));
      return;
    }
    const kind = kindInputs.map((d) => d.querySelector('input')).find((i) => i.checked).value;
    const text = await chosen.text();
    try {
      const answer = (await postText(`api/context/${kind}/uploads?commit=${commit}`, text, 'text/csv; charset=UTF-8')).data;
      if (answer.committed) {
        append(result, notification('success', t('context.upload.saved'), t('context.upload.savedBody', formatNumber(answer.newRows), formatNumber(answer.changed))));
      } else {
        append(result, section(t('context.upload.previewTitle', chosen.name), preview(kind, answer),
          answer.invalid === 0
            ? h('button', { type: 'button', class: 'button', id: 'upload-commit', on: { click: () => send(true) } }, t('context.upload.commit'))
            : notification('error', t('context.upload.notSaved'), t('context.upload.fixFirst', formatNumber(answer.invalid)))));
      }
    } catch (error) {
      const problems = error.fieldErrors || [];
      append(result, notification('error', t('context.upload.failed'),
        problems.length ? h('ul', { class: 'list', id: 'upload-problems' }, problems.map((p) => h('li', {},
          p.field && p.field !== 'body' ? `${p.field.replace(/^line /, `${t('context.upload.line')} `)}: ${serverText(p)}` : serverText(p))))
          : h('p', {}, errorText(error))));
    }
    result.querySelector('.notification, section')?.setAttribute('tabindex', '-1');
  }

  append(main, backLink('#/context', t('context.title')), pageHeading(t('context.upload.title')),
    h('p', { class: 'lead' }, t('context.upload.intro')),
    h('form', { id: 'context-upload', class: 'form', novalidate: true, on: { submit: (e) => { e.preventDefault(); send(false); } } },
      h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset' },
        h('legend', { class: 'fieldset__legend' }, t('context.upload.kind')), h('div', { class: 'radios' }, kindInputs))),
      h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'upload-file' }, t('context.upload.file')),
        h('div', { class: 'hint', id: 'upload-file-hint' }, t('context.upload.file.hint')), file),
      h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', id: 'upload-check' }, t('context.upload.check')))),
    h('h2', { class: 'section__title' }, t('context.upload.columns')),
    h('ul', { class: 'list' }, Object.entries(KINDS).map(([k, cols]) => h('li', {}, `${t(`context.upload.kind.${k}`)}: `,
      h('code', { class: 'code' }, cols.join(';'))))),
    result);
}
