// One police unit's capacity in one year: enter it, or change it as a new version (If-Match with
// the version loaded; a stale version shows what someone else changed), and its history.

import { h, pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, ApiError } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink, notification, section } from '../components.js';
import { navigate } from '../router.js';
import { historyTable, unitName, formatFte } from './context-common.js';

const TEAMS = ['avim', 'zeden', 'digital', 'psychologists'];

async function current(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { data: null, etag: null };
    throw error;
  }
}

export async function render(main, { params, query }) {
  const path = `api/context/capacity/${encodeURIComponent(params.unit)}/${encodeURIComponent(params.year)}`;
  let loaded = await current(path);
  const name = await unitName(params.unit);
  const fields = TEAMS.map((team) => ({ name: team, type: 'number', decimal: true, required: true, width: 'narrow',
    label: t(`context.fte.${team}`), hint: t(`context.fte.${team}.hint`) }));
  const form = createForm({
    id: 'capacity-form', submitLabel: t('context.save'), fields,
    values: loaded.data ? Object.fromEntries(TEAMS.map((f) => [f, loaded.data[f]])) : {},
    onSubmit: async (v) => {
      await put(path, v, loaded.etag);
      navigate(`/context/capacity/${params.unit}/${params.year}?saved=1`);
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded.data, reload: () => get(path), adopt: (latest) => { loaded = latest; },
    }),
  });
  const title = t('context.capacity.of', name, params.year);
  append(main, backLink('#/context/capacity', t('context.capacity.title')), pageHeading(title),
    query.get('saved') ? notification('success', t('context.saved'), t('context.saved.version', loaded.data ? loaded.data.version : '')) : null,
    h('p', { class: 'lead' }, loaded.data ? t('context.capacity.current', loaded.data.version) : t('context.capacity.new')),
    section(t('context.capacity.values'), form.element));
  if (loaded.data) {
    const versions = (await get(`${path}/history`)).data;
    append(main, historyTable(t('context.history.caption', title), versions,
      TEAMS.map((team) => ({ label: t(`context.fte.${team}`), value: (v) => formatFte(v.value[team]), numeric: true }))));
  }
}
