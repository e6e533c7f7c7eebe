// A programme or pilot: add one, or change one as a new version (If-Match), and its history. A
// regional coordinator adds pilots of their own unit and changes only those.

import { h, pageHeading, append } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post, put } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink, notification, section } from '../components.js';
import { navigate } from '../router.js';
import { historyTable, unitOptions } from './context-common.js';

export async function render(main, { params, query }) {
  const isNew = params.id === undefined;
  const path = isNew ? null : `api/context/pilots/${encodeURIComponent(params.id)}`;
  let loaded = isNew ? { data: null, etag: null } : await get(path);
  const units = await unitOptions();
  const fields = [
    { name: 'name', type: 'text', required: true, label: t('context.pilot.name'), hint: t('context.pilot.name.hint'), width: 'wide' },
    { name: 'startsOn', type: 'date', required: true, label: t('context.pilot.startsOn') },
    { name: 'endsOn', type: 'date', label: t('context.pilot.endsOn'), hint: t('context.pilot.endsOn.hint') },
    { name: 'policeUnits', type: 'checkboxes', required: true, label: t('context.pilot.units'), options: units, hint: t('context.pilot.units.hint') },
  ];
  const form = createForm({
    id: 'pilot-form', submitLabel: isNew ? t('context.pilot.add') : t('context.save'), fields,
    values: loaded.data || (units.length === 1 ? { policeUnits: [units[0].value] } : {}),
    onSubmit: async (v) => {
      const saved = isNew ? await post('api/context/pilots', v) : await put(path, v, loaded.etag);
      navigate(`/context/pilots/${saved.data.id}?saved=1`);
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded.data, reload: () => get(path), adopt: (latest) => { loaded = latest; },
    }),
  });
  const title = isNew ? t('context.pilot.new') : loaded.data.name;
  append(main, backLink('#/context/pilots', t('context.pilots.title')), pageHeading(title),
    query.get('saved') ? notification('success', t('context.saved'), t('context.saved.version', loaded.data ? loaded.data.version : '')) : null,
    loaded.data ? h('p', { class: 'lead' }, t('context.pilot.current', loaded.data.version, loaded.data.taggedCases)) : null,
    section(t('context.pilot.details'), form.element));
  if (!isNew) {
    append(main, historyTable(t('context.history.caption', title), (await get(`${path}/history`)).data, [
      { label: t('context.pilot.name'), value: (v) => v.value.name },
      { label: t('context.pilot.period'), value: (v) => `${formatDate(v.value.startsOn)} – ${v.value.endsOn ? formatDate(v.value.endsOn) : t('context.pilot.open')}` },
      { label: t('context.pilot.units'), value: (v) => v.value.policeUnits.join(', ') }]));
  }
}
