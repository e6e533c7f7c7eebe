// One municipality's local priority in one year: enter it, or change it as a new version, and its history.

import { h, pageHeading, append } from '../dom.js';
import { t, yesNo } from '../i18n.js';
import { get, put, ApiError } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink, notification, section } from '../components.js';
import { navigate } from '../router.js';
import { municipalities } from '../reference.js';
import { historyTable } from './context-common.js';

async function current(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { data: null, etag: null };
    throw error;
  }
}

export async function render(main, { params, query }) {
  const path = `api/context/priorities/${encodeURIComponent(params.code)}/${encodeURIComponent(params.year)}`;
  let loaded = await current(path);
  const place = (await municipalities()).find((m) => m.code === params.code);
  const fields = [{ name: 'priority', type: 'yesno', required: true, label: t('context.priority.question'), hint: t('context.priority.hint') }];
  const form = createForm({
    id: 'priority-form', submitLabel: t('context.save'), fields,
    values: loaded.data ? { priority: String(loaded.data.priority) } : {},
    onSubmit: async (v) => {
      await put(path, v, loaded.etag);
      navigate(`/context/priorities/${params.code}/${params.year}?saved=1`);
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded.data, reload: () => get(path), adopt: (latest) => { loaded = latest; },
    }),
  });
  const title = t('context.priority.of', place ? place.name : params.code, params.year);
  append(main, backLink('#/context/priorities', t('context.priorities.title')), pageHeading(title),
    query.get('saved') ? notification('success', t('context.saved'), t('context.saved.version', loaded.data ? loaded.data.version : '')) : null,
    h('p', { class: 'lead' }, loaded.data ? t('context.priority.current', yesNo(loaded.data.priority), loaded.data.version) : t('context.priority.new')),
    section(t('context.priority'), form.element));
  if (loaded.data) {
    append(main, historyTable(t('context.history.caption', title), (await get(`${path}/history`)).data,
      [{ label: t('context.priority'), value: (v) => yesNo(v.value) }]));
  }
}
