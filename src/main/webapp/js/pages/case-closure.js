// Close a case: date and reason (If-Match).

import { pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { createForm } from '../forms.js';
import { backLink } from '../components.js';
import { navigate } from '../router.js';
import { codeOptions } from '../reference.js';

export async function render(main, { params }) {
  let { etag } = await get(`api/cases/${params.id}`);
  const form = createForm({ id: 'closure', submitLabel: t('case.close'),
    fields: [
      { name: 'closedOn', type: 'date', label: t('case.closedOn'), hint: t('date.hint'), required: true },
      { name: 'reason', type: 'radios', label: t('case.closingReason'), required: true, options: await codeOptions('CLOSING_REASON') },
    ],
    onSubmit: async (values) => { await post(`api/cases/${params.id}/closure`, values, { etag }); navigate(`/cases/${params.id}`); },
    onConflict: async (f) => {
      const latest = await get(`api/cases/${params.id}`);
      f.showConflict({ changes: [], onReapply: () => { etag = latest.etag; f.submit(); }, onDiscard: () => navigate(`/cases/${params.id}`) });
    } });
  append(main, backLink(`#/cases/${params.id}`), pageHeading(t('case.closeTitle', params.id)), form.element);
}
