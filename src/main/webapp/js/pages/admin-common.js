// Shared look-ups of the administration pages.

import { get } from '../api.js';
import { enumOptions } from '../forms.js';
import { policeUnits } from '../reference.js';

export const ROLES = ['CASEWORKER', 'COORDINATOR', 'AUDITOR', 'ADMIN'];
export const ORGANISATION_TYPES = ['POLICE', 'OM', 'CARE', 'YOUTH_CARE', 'NATIONAL', 'KMAR', 'INSPECTORATE', 'OTHER'];

export const roleOptions = () => enumOptions('role', ROLES);
export const organisationTypeOptions = () => enumOptions('organisationType', ORGANISATION_TYPES);

export async function policeUnitOptions() {
  return (await policeUnits()).map((u) => ({ value: u.code, label: u.name }));
}

export async function organisationOptions() {
  const { data } = await get('api/admin/organisations');
  return data.map((o) => ({ value: String(o.id), label: o.name }));
}

/** A user by id: the API lists users in pages, so walk them (administration lists are small). */
export async function findUser(id) {
  for (let offset = 0; ; offset += 200) {
    const { data } = await get(`api/admin/users?offset=${offset}&limit=200`);
    const found = data.items.find((u) => String(u.id) === String(id));
    if (found) return found;
    if (offset + 200 >= data.total) return null;
  }
}

/** ETags are the quoted version number. */
export const etagOf = (record) => `"${record.version}"`;
