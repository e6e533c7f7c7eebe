// The partner organisations by name (GET api/organisations), so that forms offer names, not numbers.

import { get } from './api.js';
import { t } from './i18n.js';

let loaded = null;

export function organisations() {
  if (!loaded) {
    loaded = get('api/organisations').then((r) => [...r.data].sort((a, b) => a.name.localeCompare(b.name, 'nl')))
      .catch((e) => { loaded = null; throw e; });
  }
  return loaded;
}

/** Select options: the name, with the type so that two partners of the same name stay apart. */
export async function organisationOptions({ except } = {}) {
  return (await organisations()).filter((o) => o.id !== except)
    .map((o) => ({ value: String(o.id), label: `${o.name} (${t(`organisationType.${o.type}`)})` }));
}

/** The name of an organisation, or its number when it is no longer listed (e.g. disabled). */
export async function organisationName(id) {
  const found = (await organisations().catch(() => [])).find((o) => o.id === id);
  return found ? found.name : t('organisation.numbered', id);
}

export function clearOrganisationCache() {
  loaded = null;
}
