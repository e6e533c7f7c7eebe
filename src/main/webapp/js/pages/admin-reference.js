// The reference lists, read-only (they change through migrations): for administrators under
// /admin/reference, for coordinators under /reference (the regions their comparisons rest on).

import { h, clear, pageHeading, append } from '../dom.js';
import { t, codeLabel, formatDate, yesNo } from '../i18n.js';
import { dataTable } from '../components.js';
import { createForm, enumOptions } from '../forms.js';
import * as reference from '../reference.js';
import { navigate, currentPath } from '../router.js';

export const CODE_LISTS = ['EXPLOITATION_FORM', 'VULNERABILITY', 'RECRUITMENT_CHANNEL', 'INVESTIGATION_METHOD', 'NON_REPORTING_REASON',
  'CARE_TYPE', 'INSTITUTION_TYPE', 'MEASURE', 'CLOSING_REASON', 'SUSPECT_ROLE', 'NATIONALITY'];
const code = (text) => h('code', { class: 'code' }, text);
const LISTS = ['policeUnits', 'courtDistricts', 'prosecutionOffices', 'municipalities', 'articles', ...CODE_LISTS];

async function table(list) {
  switch (list) {
    case 'policeUnits': return dataTable({ caption: t('referenceList.policeUnits'), rows: await reference.policeUnits(), columns: [
      { label: t('reference.code'), value: (r) => code(r.code) }, { label: t('reference.name'), value: (r) => r.name },
      { label: t('reference.national'), value: (r) => yesNo(r.national) }] });
    case 'courtDistricts': return dataTable({ caption: t('referenceList.courtDistricts'), rows: await reference.courtDistricts(), columns: [
      { label: t('reference.code'), value: (r) => code(r.code) }, { label: t('reference.name'), value: (r) => r.name },
      { label: t('reference.court'), value: (r) => r.court }, { label: t('reference.courtOfAppeal'), value: (r) => r.courtOfAppeal }] });
    case 'prosecutionOffices': return dataTable({ caption: t('referenceList.prosecutionOffices'), rows: await reference.prosecutionOffices(), columns: [
      { label: t('reference.code'), value: (r) => code(r.code) }, { label: t('reference.name'), value: (r) => r.name }] });
    case 'municipalities': return dataTable({ caption: t('referenceList.municipalities'), rows: await reference.municipalities(), columns: [
      { label: t('reference.code'), value: (r) => code(r.code) }, { label: t('reference.name'), value: (r) => r.name },
      { label: t('reference.policeUnit'), value: (r) => r.policeUnit }, { label: t('reference.courtDistrict'), value: (r) => r.courtDistrict }] });
    case 'articles': return dataTable({ caption: t('referenceList.articles'), rows: await reference.articles(), columns: [
      { label: t('reference.article'), value: (r) => r.article }, { label: t('reference.lawVersion'), value: (r) => r.lawVersion },
      { label: t('reference.name'), value: (r) => codeLabel({ labelNl: r.titleNl, labelEn: r.titleEn }) },
      { label: t('reference.validFrom'), value: (r) => formatDate(r.validFrom) }, { label: t('reference.validTo'), value: (r) => formatDate(r.validTo) }] });
    default: return dataTable({ caption: t(`referenceList.${list}`), rows: await reference.codes(list), columns: [
      { label: t('reference.code'), value: (r) => code(r.code) }, { label: t('reference.labelNl'), value: (r) => h('span', { lang: 'nl' }, r.labelNl) },
      { label: t('reference.labelEn'), value: (r) => h('span', { lang: 'en' }, r.labelEn) },
      { label: t('reference.validFrom'), value: (r) => formatDate(r.validFrom) }, { label: t('reference.validTo'), value: (r) => formatDate(r.validTo) }] });
  }
}

export async function render(main, { query }) {
  const chosen = LISTS.includes(query.get('list')) ? query.get('list') : 'policeUnits';
  const out = h('div', { id: 'reference-table' });
  const form = createForm({
    id: 'reference-choice',
    submitLabel: t('reference.show'),
    fields: [{ name: 'list', type: 'select', label: t('reference.list'), required: true, options: enumOptions('referenceList', LISTS) }],
    values: { list: chosen },
    onSubmit: async ({ list }) => navigate(`${currentPath().split('?')[0]}?list=${list}`),
  });
  append(main, pageHeading(t('reference.title')), h('p', { class: 'lead' }, t('reference.intro')), form.element, out);
  append(clear(out), await table(chosen));
}
