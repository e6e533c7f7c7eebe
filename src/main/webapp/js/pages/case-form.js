// Create or edit a case, in two steps. Editing sends If-Match; a 412 shows what changed and keeps
// the user's input, which they can re-apply on top of the latest version.

import { pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink } from '../components.js';
import { navigate } from '../router.js';
import { caseFields, CASE_STEPS } from './case-common.js';

function newIdempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export async function render(main, { params }) {
  const fields = await caseFields();
  if (!params.id) {
    // One key per form: a retried submit after a network error cannot create the case twice.
    const key = newIdempotencyKey();
    const form = createForm({
      id: 'case', fields, steps: CASE_STEPS(), submitLabel: t('case.create'),
      onSubmit: async (values) => {
        const { data } = await post('api/cases', values, { headers: { 'Idempotency-Key': key } });
        navigate(`/cases/${data.id}`);
      },
    });
    append(main, backLink('#/cases'), pageHeading(t('case.newTitle')), form.element);
    return;
  }
  let { data: loaded, etag } = await get(`api/cases/${params.id}`);
  const form = createForm({
    id: 'case', fields, steps: CASE_STEPS(), submitLabel: t('common.save'), values: loaded,
    onSubmit: async (values) => {
      await put(`api/cases/${params.id}`, values, etag);
      navigate(`/cases/${params.id}`);
    },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded,
      reload: () => get(`api/cases/${params.id}`),
      adopt: (latest) => { loaded = latest.data; etag = latest.etag; },
    }),
  });
  append(main, backLink(`#/cases/${params.id}`), pageHeading(t('case.editTitle', loaded.id)), form.element);
}
