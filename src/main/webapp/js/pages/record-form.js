// Add a record under a party: an aangifte event, a runaway episode, a care referral or a
// proceedings (chain) event.

import { pageHeading, append } from '../dom.js';
import { t } from '../i18n.js';
import { post, ApiError } from '../api.js';
import { createForm } from '../forms.js';
import { backLink } from '../components.js';
import { navigate } from '../router.js';
import { recordDefinition } from './case-common.js';

export async function render(main, { params }) {
  const def = await recordDefinition(params.record);
  if (!def) throw new ApiError(404, {});
  const back = `/cases/${params.id}`;
  const form = createForm({ id: 'record', fields: def.fields, submitLabel: def.title,
    onSubmit: async (values) => {
      await post(`api/parties/${params.partyId}/${params.record}`, def.toBody ? def.toBody(values) : values);
      navigate(back);
    } });
  append(main, backLink(`#${back}`), pageHeading(def.title), form.element);
}
