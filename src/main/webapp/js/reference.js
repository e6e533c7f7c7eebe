// Reference lists, loaded once per page load.

import { get } from './api.js';
import { codeLabel } from './i18n.js';

const cache = new Map();

function load(path) {
  if (!cache.has(path)) {
    cache.set(path, get(path).then((r) => r.data).catch((e) => { cache.delete(path); throw e; }));
  }
  return cache.get(path);
}

export const municipalities = () => load('api/reference/municipalities')
  .then((list) => [...list].sort((a, b) => a.name.localeCompare(b.name, 'nl')));
export const policeUnits = () => load('api/reference/police-units');
export const courtDistricts = () => load('api/reference/court-districts');
export const prosecutionOffices = () => load('api/reference/prosecution-offices');
export const articles = () => load('api/reference/articles');
export const codes = (list) => load(`api/reference/codes/${list}`);

/** The name of a police unit or court district by its code; the code itself when it is not listed. */
export async function regionName(list, code) {
  if (!code) return '';
  const found = (await (list === 'courtDistricts' ? courtDistricts() : policeUnits()).catch(() => [])).find((r) => r.code === code);
  return found ? found.name : code;
}

/** Options for a form field from a code list, labelled in the current language. */
export async function codeOptions(list) {
  return (await codes(list)).map((c) => ({ value: c.code, label: codeLabel(c) }));
}

export async function codeLabelOf(list, code) {
  const found = (await codes(list).catch(() => [])).find((c) => c.code === code);
  return found ? codeLabel(found) : code;
}

export function clearReferenceCache() {
  cache.clear();
}
