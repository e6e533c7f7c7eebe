// Forms in the GOV.UK / NL Design System pattern: visible labels and hints, fieldsets with legends
// for groups, day-month-year dates, an error summary that links to each field, the message next
// to the field, optional steps, and a conflict panel for stale versions. The form is never
// re-rendered on an error, so nothing the user typed is lost.

import { h, clear, append } from './dom.js';
import { t, serverText } from './i18n.js';
import { ConflictError } from './api.js';

const GROUP_TYPES = new Set(['radios', 'checkboxes', 'yesno', 'date']);
const CHOICE_TYPES = new Set(['radios', 'checkboxes', 'yesno', 'select']);

/**
 * createForm({id, fields, steps, submitLabel, onSubmit, onConflict, values})
 * field: {name, type, label (text), hint?, required?, options?: [{value, label}], width?,
 *         autocomplete?, inputmode?, showIf?: {field, value}}
 * steps: [{title, fields: [names]}] (optional)
 */
export function createForm(config) {
  const { id, fields, steps = null, submitLabel, onSubmit, onConflict } = config;
  const controls = new Map();
  const summarySlot = h('div', { class: 'form-messages' });
  const conflictSlot = h('div', { class: 'form-messages' });
  const form = h('form', { id, class: 'form', novalidate: true, 'aria-describedby': null });
  append(form, summarySlot, conflictSlot);

  for (const field of fields) controls.set(field.name, renderField(id, field));

  let stepIndex = 0;
  const stepSections = [];
  if (steps) {
    steps.forEach((step, i) => {
      const heading = h('h2', { class: 'form-step__title', tabindex: '-1' }, t('form.step', i + 1, steps.length, step.title));
      const section = h('section', { class: 'form-step', hidden: i !== 0 }, heading,
        step.fields.map((name) => controls.get(name).group));
      section.heading = heading;
      section.fields = step.fields;
      stepSections.push(section);
      append(form, section);
    });
  } else {
    for (const c of controls.values()) append(form, c.group);
  }

  const previous = h('button', { type: 'button', class: 'button button--secondary', hidden: true }, t('form.previous'));
  const next = h('button', { type: 'submit', class: 'button' }, steps ? t('form.next') : submitLabel);
  append(form, h('div', { class: 'button-group' }, next, previous));

  function showStep(i, focus = true) {
    stepIndex = i;
    stepSections.forEach((s, j) => { s.hidden = j !== i; });
    previous.hidden = i === 0;
    next.textContent = i === stepSections.length - 1 ? submitLabel : t('form.next');
    if (focus) stepSections[i].heading.focus();
  }
  previous.addEventListener('click', () => showStep(stepIndex - 1));

  function visibleControls(names) {
    const list = names ? names.map((n) => controls.get(n)) : [...controls.values()];
    return list.filter((c) => !c.group.hidden);
  }

  function revealField(name) {
    if (!steps) return;
    const i = stepSections.findIndex((s) => s.fields.includes(name));
    if (i >= 0 && i !== stepIndex) showStep(i, false);
  }

  const api = {
    element: form,
    values: () => collect(controls),
    setValues: (obj) => { for (const c of controls.values()) c.set(getPath(obj, c.field.name)); applyConditions(); },
    clearErrors: () => clearErrors(controls, summarySlot),
    showErrors: (errors) => {
      showErrors(controls, summarySlot, errors, revealField);
    },
    showMessage: (message) => showErrors(controls, summarySlot, [{ field: null, message }], revealField),
    showConflict: (options) => showConflict(conflictSlot, controls, options),
    clearConflict: () => clear(conflictSlot),
    control: (name) => controls.get(name),
    submit: () => submit(),
  };

  function applyConditions() {
    const values = collect(controls);
    for (const c of controls.values()) {
      const cond = c.field.showIf;
      if (cond) c.group.hidden = ![].concat(cond.value).includes(getPath(values, cond.field));
    }
  }
  form.addEventListener('change', applyConditions);
  applyConditions();

  let busy = false;
  async function submit() {
    if (busy) return;
    if (steps && stepIndex < stepSections.length - 1) {
      const errors = validate(visibleControls(stepSections[stepIndex].fields));
      if (errors.length) { api.showErrors(errors); return; }
      api.clearErrors();
      showStep(stepIndex + 1);
      return;
    }
    const errors = validate(visibleControls());
    if (errors.length) { api.showErrors(errors); return; }
    busy = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(api.values(), api);
    } catch (error) {
      await handleSubmitError(error, api, onConflict);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });

  if (config.values) api.setValues(config.values);
  return api;
}

/** Turns an API error into messages at the fields (400), a conflict panel (412) or a summary message. */
export async function handleSubmitError(error, form, onConflict) {
  if (error instanceof ConflictError && onConflict) {
    await onConflict(form);
    return;
  }
  if (!error || error.status === undefined) throw error;
  const problem = error.problem || {};
  if ((error.status === 400 || error.status === 422) && Array.isArray(problem.errors) && problem.errors.length) {
    form.showErrors(problem.errors.map((e) => ({ ...e, server: true })));
    return;
  }
  form.showMessage(errorText(error));
}

/** A user-facing text for any API error: the problem's code in the user's language, else by status. */
export function errorText(error) {
  const problem = error.problem || {};
  if (problem.code && error.status !== 500) {
    const text = serverText(problem);
    return [400, 409, 422].includes(error.status) ? t('error.refused', text) : text;
  }
  switch (error.status) {
    case 0: return t('error.network');
    case 400: case 409: case 422: return t('error.invalid');
    case 401: return t('error.unauthorized');
    case 403: return t('error.forbidden');
    case 404: return t('error.notFound');
    case 412: return t('error.conflict');
    case 428: return t('error.conflict');
    case 429: return t('error.throttled');
    default: return t('error.server', problem.correlationId || '-');
  }
}

function fieldId(formId, name) {
  return `${formId}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function labelText(field) {
  return field.required || field.type === 'checkbox' ? field.label : `${field.label} ${t('form.optional')}`;
}

function renderField(formId, field) {
  const id = fieldId(formId, field.name);
  const hint = field.hint ? h('div', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
  const error = h('p', { class: 'error-message', id: `${id}-error`, hidden: true });
  const group = h('div', { class: 'form-group', dataset: { field: field.name } });
  const describe = (el, withError) => {
    const ids = [hint && hint.id, withError && error.id].filter(Boolean).join(' ');
    if (ids) el.setAttribute('aria-describedby', ids); else el.removeAttribute('aria-describedby');
  };
  const c = { field, group, error, id, describe };

  if (GROUP_TYPES.has(field.type)) {
    const fieldset = h('fieldset', { class: 'fieldset' },
      h('legend', { class: 'fieldset__legend' }, labelText(field)), hint, error);
    append(group, fieldset);
    c.described = fieldset;
    if (field.type === 'date') renderDate(c, fieldset);
    else renderChoices(c, fieldset);
  } else if (field.type === 'checkbox') {
    const input = h('input', { class: 'checkboxes__input', type: 'checkbox', id, name: field.name });
    append(group, error, h('div', { class: 'checkboxes__item' }, input,
      h('label', { class: 'checkboxes__label', for: id }, field.label)), hint);
    c.described = input;
    c.focusId = id;
    c.read = () => input.checked;
    c.set = (v) => { input.checked = Boolean(v); };
    c.inputs = [input];
  } else {
    const input = renderInput(field, id);
    append(group, h('label', { class: 'label', for: id }, labelText(field)), hint, error, input);
    c.described = input;
    c.focusId = id;
    c.read = () => readInput(field, input.value);
    c.set = (v) => { input.value = v === null || v === undefined ? '' : String(v); };
    c.inputs = [input];
  }
  describe(c.described, false);
  return c;
}

function renderInput(field, id) {
  const common = { id, name: field.name, autocomplete: field.autocomplete || 'off' };
  if (field.type === 'select') {
    return h('select', { ...common, class: 'select' },
      h('option', { value: '' }, field.placeholder || t('form.choose')),
      (field.options || []).map((o) => h('option', { value: o.value }, o.label)));
  }
  if (field.type === 'textarea') {
    return h('textarea', { ...common, class: 'textarea', rows: '4' });
  }
  const type = field.type === 'password' ? 'password' : 'text';
  const inputmode = field.type === 'number' ? (field.decimal ? 'decimal' : 'numeric') : field.inputmode;
  return h('input', {
    ...common, type, inputmode, spellcheck: field.type === 'text' ? 'false' : null,
    class: ['input', field.width ? `input--${field.width}` : (field.type === 'number' ? 'input--narrow' : null)],
  });
}

function renderChoices(c, fieldset) {
  const { field, id } = c;
  const multiple = field.type === 'checkboxes';
  const options = field.type === 'yesno'
    ? [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]
    : (field.options || []);
  const kind = multiple ? 'checkboxes' : 'radios';
  const inputs = options.map((o, i) => h('input', {
    class: `${kind}__input`, type: multiple ? 'checkbox' : 'radio', id: `${id}-${i}`, name: `${id}`, value: o.value,
  }));
  append(fieldset, h('div', { class: [kind, field.type === 'yesno' ? 'radios--inline' : null] },
    options.map((o, i) => h('div', { class: `${kind}__item` }, inputs[i],
      h('label', { class: `${kind}__label`, for: inputs[i].id }, o.label)))));
  c.inputs = inputs;
  c.focusId = inputs.length ? inputs[0].id : id;
  c.read = () => {
    const checked = inputs.filter((i) => i.checked).map((i) => i.value);
    if (multiple) return checked;
    if (!checked.length) return null;
    if (field.type === 'yesno') return checked[0] === 'true';
    return field.numeric ? Number(checked[0]) : checked[0];
  };
  c.set = (v) => {
    const wanted = [].concat(v === null || v === undefined ? [] : v).map(String);
    inputs.forEach((i) => { i.checked = wanted.includes(i.value); });
  };
}

function renderDate(c, fieldset) {
  const parts = ['day', 'month', 'year'].map((part) => {
    const inputId = `${c.id}-${part}`;
    const input = h('input', {
      class: ['input', part === 'year' ? 'input--year' : 'input--date-part'], id: inputId, name: `${c.field.name}-${part}`,
      type: 'text', inputmode: 'numeric', autocomplete: 'off',
    });
    return { part, input, item: h('div', { class: 'date-input__item' },
      h('label', { class: 'label date-input__label', for: inputId }, t(`date.${part}`)), input) };
  });
  append(fieldset, h('div', { class: 'date-input' }, parts.map((p) => p.item)));
  c.inputs = parts.map((p) => p.input);
  c.focusId = parts[0].input.id;
  c.read = () => {
    const [d, m, y] = parts.map((p) => p.input.value.trim());
    if (!d && !m && !y) return null;
    const day = Number(d); const month = Number(m); const year = Number(y);
    const valid = /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && month >= 1 && month <= 12
      && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (!valid) return { invalidDate: true };
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  c.set = (v) => {
    const [y, m, d] = v ? String(v).split('-') : ['', '', ''];
    parts[0].input.value = d ? String(Number(d)) : '';
    parts[1].input.value = m ? String(Number(m)) : '';
    parts[2].input.value = y || '';
  };
}

function readInput(field, raw) {
  const v = raw.trim();
  if (v === '') return null;
  if (field.type === 'number') {
    const normalised = v.replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : { invalidNumber: true };
  }
  if (field.type === 'select' && field.numeric) return Number(v);
  return field.type === 'password' ? raw : v;
}

function collect(controls) {
  const out = {};
  for (const c of controls.values()) {
    if (c.group.hidden) continue;
    setPath(out, c.field.name, c.read());
  }
  return out;
}

function validate(list) {
  const errors = [];
  for (const c of list) {
    const v = c.read();
    const f = c.field;
    const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === false && f.type === 'checkbox';
    if (v && v.invalidDate) errors.push({ field: f.name, message: t('validation.date', f.label) });
    else if (v && v.invalidNumber) errors.push({ field: f.name, message: t('validation.number', f.label) });
    else if (f.required && empty) errors.push({ field: f.name, message: t(CHOICE_TYPES.has(f.type) ? 'validation.choose' : 'validation.required', f.label) });
    else if (f.validate) {
      const message = f.validate(v);
      if (message) errors.push({ field: f.name, message });
    }
  }
  return errors;
}

/** The control for a server field path like 'sentence.custodyDays' or 'charges[0].article'. */
function controlFor(controls, path) {
  if (!path) return null;
  if (controls.has(path)) return controls.get(path);
  for (const c of controls.values()) {
    if (path.endsWith(`.${c.field.name}`) || c.field.name.endsWith(`.${path}`)) return c;
  }
  return null;
}

function clearErrors(controls, summarySlot) {
  clear(summarySlot);
  for (const c of controls.values()) {
    c.group.classList.remove('form-group--error');
    c.error.hidden = true;
    clear(c.error);
    c.inputs.forEach((i) => i.classList.remove('input--error'));
    c.inputs.forEach((i) => i.removeAttribute('aria-invalid'));
    c.describe(c.described, false);
  }
  document.title = document.title.replace(/^[^:]+: /, (m) => (m === `${t('error.titlePrefix')}: ` ? '' : m));
}

/** A server field error in the user's language, after the field's label ("Geboortejaar: moet minstens 0 zijn"). */
function serverMessage(controls, c, e) {
  if (!e.server) return e.message;
  const label = (name) => (controlFor(controls, name) || { field: { label: name } }).field.label;
  const text = serverText(e, label);
  return c ? t('error.field', c.field.label, text) : text.charAt(0).toUpperCase() + text.slice(1);
}

function showErrors(controls, summarySlot, errors, revealField) {
  clearErrors(controls, summarySlot);
  const items = [];
  let firstControl = null;
  for (const e of errors) {
    const c = controlFor(controls, e.field);
    const message = serverMessage(controls, c, e);
    if (c && !c.group.classList.contains('form-group--error')) {
      c.group.classList.add('form-group--error');
      c.error.hidden = false;
      append(c.error, h('span', { class: 'visually-hidden' }, `${t('error.prefix')}: `), message);
      c.inputs.forEach((i) => { i.classList.add('input--error'); });
      if (c.described.tagName !== 'FIELDSET') c.described.setAttribute('aria-invalid', 'true');
      c.describe(c.described, true);
      firstControl = firstControl || c;
    }
    const target = c && document.getElementById(c.focusId) ? c : null;
    items.push(h('li', {}, target
      ? h('a', { href: `#${c.focusId}`, on: { click: (ev) => { ev.preventDefault(); revealField(c.field.name); focusControl(c); } } }, message)
      : message));
  }
  if (firstControl) revealField(firstControl.field.name);
  const titleId = `${summarySlot.closest('form')?.id || 'form'}-error-summary-title`;
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': titleId },
    h('h2', { class: 'error-summary__title', id: titleId }, t('error.summaryTitle')),
    h('ul', { class: 'error-summary__list' }, items));
  append(summarySlot, summary);
  if (!document.title.startsWith(`${t('error.titlePrefix')}: `)) document.title = `${t('error.titlePrefix')}: ${document.title}`;
  summary.focus();
}

function focusControl(c) {
  const el = document.getElementById(c.focusId);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/**
 * Shows what changed since the user loaded the record, next to what the user typed (still in the
 * form), and lets them re-apply their input on top of the latest version or take the latest.
 * options: {changes: [{label, theirs, mine}], onReapply, onDiscard}
 */
function showConflict(slot, controls, { changes, onReapply, onDiscard }) {
  clear(slot);
  const titleId = `conflict-title-${Date.now()}`;
  const rows = changes.map((ch) => h('tr', {}, h('th', { scope: 'row' }, ch.label), h('td', {}, ch.theirs || '–'), h('td', {}, ch.mine || '–')));
  const panel = h('div', { class: 'notification notification--warning', role: 'alert', tabindex: '-1', 'aria-labelledby': titleId },
    h('h2', { class: 'notification__title', id: titleId }, t('conflict.title')),
    h('p', {}, t('conflict.body')),
    changes.length
      ? h('div', { class: 'table-wrapper', tabindex: '0', role: 'region', 'aria-label': t('conflict.caption') },
        h('table', { class: 'table' }, h('caption', { class: 'table__caption' }, t('conflict.caption')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('conflict.field')), h('th', { scope: 'col' }, t('conflict.theirs')), h('th', { scope: 'col' }, t('conflict.mine')))),
          h('tbody', {}, rows)))
      : h('p', {}, t('conflict.noFieldChanges')),
    h('div', { class: 'button-group' },
      h('button', { type: 'button', class: 'button', on: { click: () => { clear(slot); onReapply(); } } }, t('conflict.reapply')),
      h('button', { type: 'button', class: 'button button--secondary', on: { click: () => { clear(slot); onDiscard(); } } }, t('conflict.discard'))));
  append(slot, panel);
  panel.focus();
}

/** Human-readable value of a field for the conflict panel and summaries. */
export function displayValue(field, value) {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'yesno' || field.type === 'checkbox') return value ? t('common.yes') : t('common.no');
  const label = (v) => ((field.options || []).find((o) => String(o.value) === String(v)) || {}).label || String(v);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (value && typeof value === 'object') return '';
  return field.options ? label(value) : String(value);
}

/** Equal as form values: a missing value is null, and a multiple choice is a set, whatever its order. */
function same(a, b) {
  const norm = (v) => (Array.isArray(v) ? [...v].map(String).sort() : v ?? null);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The fields whose value changed between two versions of a record, with the user's own input. */
export function changedFields(fields, original, latest, mine) {
  return fields
    .filter((f) => !same(getPath(original, f.name), getPath(latest, f.name)))
    .map((f) => ({ label: f.label, theirs: displayValue(f, getPath(latest, f.name)),
      // Only the user's own edits are re-applied, so a field they left alone takes the other's value.
      mine: same(getPath(original, f.name), getPath(mine, f.name)) ? t('conflict.unchanged') : displayValue(f, getPath(mine, f.name)) }));
}

export function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

export function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  keys.slice(0, -1).forEach((k) => { o[k] = o[k] && typeof o[k] === 'object' ? o[k] : {}; o = o[k]; });
  o[keys[keys.length - 1]] = value;
}

/** Options for a select or radio group from an enumeration whose labels are in the bundles. */
export function enumOptions(prefix, values) {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}

/** The latest version with only the user's own edits (what they changed since loading) on top. */
export function reapplied(fields, original, latest, mine) {
  const merged = JSON.parse(JSON.stringify(latest));
  for (const f of fields) {
    const value = getPath(mine, f.name);
    if (value !== undefined && !same(getPath(original, f.name), value)) setPath(merged, f.name, value);
  }
  return merged;
}

/**
 * The 412 handler of an edit form: shows what others changed since the user loaded the record and
 * keeps the input; re-applying puts the user's own edits on top of the latest version and saves.
 * original(): the version the form was loaded with; reload(): {data, etag} of the latest;
 * adopt(latest): makes the latest the form's base version.
 */
export function staleVersionHandler(fields, { original, reload, adopt }) {
  return async (form) => {
    const mine = form.values();
    const base = original();
    const latest = await reload();
    form.showConflict({
      changes: changedFields(fields, base, latest.data, mine),
      onReapply: () => { adopt(latest); form.setValues(reapplied(fields, base, latest.data, mine)); form.submit(); },
      onDiscard: () => { adopt(latest); form.setValues(latest.data); },
    });
  };
}
