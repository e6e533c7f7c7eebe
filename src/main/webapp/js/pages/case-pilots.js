// The programmes and pilots a case takes part in, on the case page: everyone who reads the case sees
// them; the owning organisation tags the case with a pilot of its police unit, or removes a tag.

import { h } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, put, del } from '../api.js';
import { dataTable, section } from '../components.js';
import { createForm, errorText } from '../forms.js';

const period = (p) => `${formatDate(p.startsOn)} – ${p.endsOn ? formatDate(p.endsOn) : t('context.pilot.open')}`;

export async function casePilots(caseId, canEdit, refresh) {
  const pilots = (await get(`api/cases/${caseId}/pilots`)).data;
  const status = h('div', { id: 'case-pilots-status', 'aria-live': 'polite' });
  const change = async (request) => {
    try {
      await request();
      await refresh();
    } catch (error) {
      status.textContent = errorText(error);
    }
  };
  const table = dataTable({ caption: t('case.pilots.caption'), rows: pilots.tagged, empty: t('case.pilots.none'), columns: [
    { label: t('context.pilot.name'), value: (p) => p.name },
    { label: t('context.pilot.period'), value: period },
    ...(canEdit ? [{ label: t('case.pilots.action'), value: (p) => h('button', { type: 'button', class: 'button button--secondary button--small',
      id: `case-pilot-remove-${p.pilotId}`, on: { click: () => change(() => del(`api/cases/${caseId}/pilots/${p.pilotId}`)) } },
    t('case.pilots.remove'), h('span', { class: 'visually-hidden' }, ` ${p.name}`)) }] : [])] });
  let form = null;
  if (canEdit && pilots.available.length) {
    form = createForm({
      id: 'case-pilot-tag', submitLabel: t('case.pilots.tag'),
      fields: [{ name: 'pilotId', type: 'select', required: true, label: t('case.pilots.choose'), hint: t('case.pilots.chooseHint'),
        options: pilots.available.map((p) => ({ value: String(p.pilotId), label: `${p.name} (${period(p)})` })) }],
      onSubmit: async (v) => { await put(`api/cases/${caseId}/pilots/${v.pilotId}`, undefined); await refresh(); },
    });
  }
  return section(t('case.pilots.title'), h('div', { id: 'case-pilots' }, table, status, form ? form.element : null));
}
