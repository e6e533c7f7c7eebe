// Add or edit a victim, suspect or client of a case (If-Match and conflict panel on edit).

import { pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, put, ApiError } from '../api.js';
import { createForm, staleVersionHandler } from '../forms.js';
import { backLink } from '../components.js';
import { navigate } from '../router.js';
import { partyFields, PARTY_KINDS } from './case-common.js';

const SINGULAR = { victims: 'victim', suspects: 'suspect', clients: 'client' };

export async function render(main, { params }) {
  if (!PARTY_KINDS.includes(params.kind)) throw new ApiError(404, {});
  const fields = await partyFields(params.kind);
  const back = `/cases/${params.id}`;
  if (!params.partyId) {
    const form = createForm({ id: 'party', fields, submitLabel: t(`party.add.${params.kind}`),
      onSubmit: async (values) => { await post(`api/cases/${params.id}/${params.kind}`, values); navigate(back); } });
    append(main, backLink(`#${back}`), pageHeading(t(`party.add.${params.kind}`)), form.element);
    return;
  }
  let { data: loaded, etag } = await get(`api/parties/${params.partyId}`);
  const form = createForm({ id: 'party', fields, submitLabel: t('common.save'), values: loaded,
    onSubmit: async (values) => { await put(`api/parties/${params.partyId}/${SINGULAR[params.kind]}`, values, etag); navigate(back); },
    onConflict: staleVersionHandler(fields, {
      original: () => loaded,
      reload: () => get(`api/parties/${params.partyId}`),
      adopt: (latest) => { loaded = latest.data; etag = latest.etag; },
    }) });
  append(main, backLink(`#${back}`), pageHeading(t('party.editTitle')), form.element);
}
