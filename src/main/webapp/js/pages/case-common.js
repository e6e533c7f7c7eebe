// Field definitions of the case records, shared by their forms and the case page. They follow the
// chain API's JSON names, so that server field errors land on the right field.

import { t, codeLabel } from '../i18n.js';
import { enumOptions } from '../forms.js';
import { codeOptions, municipalities, articles } from '../reference.js';
import { organisationOptions } from '../organisations.js';

// What an aangifte event may record: the victim's status (AANGIFTE_STATUS) less NONE, which no event records.
export const AANGIFTE_TYPES = ['INFORMATORY_INTERVIEW', 'AANGIFTE_MADE', 'DECLINED', 'WITHDRAWN'];
export const PARTY_KINDS = ['victims', 'suspects', 'clients'];

export async function municipalityOptions() {
  return (await municipalities()).map((m) => ({ value: m.code, label: m.name }));
}

export async function caseFields() {
  return [
    { name: 'municipalityCode', type: 'select', label: t('case.municipality'), hint: t('case.municipality.hint'), required: true, options: await municipalityOptions() },
    { name: 'openedOn', type: 'date', label: t('case.openedOn'), hint: t('date.hint'), required: true },
    { name: 'origin', type: 'radios', label: t('case.origin'), hint: t('case.origin.hint'), required: true, options: await codeOptions('ORIGIN') },
    { name: 'signallingOrganisationId', type: 'select', numeric: true, label: t('case.signallingOrganisation'), hint: t('case.signallingOrganisation.hint'), required: true,
      options: await organisationOptions(), showIf: { field: 'origin', value: 'SIGNAL' } },
    { name: 'teamType', type: 'radios', label: t('case.teamType'), required: true, options: await codeOptions('TEAM_TYPE') },
    { name: 'exploitationForms', type: 'checkboxes', label: t('case.exploitationForms'), hint: t('common.selectAll'), required: true, options: await codeOptions('EXPLOITATION_FORM') },
    { name: 'investigationMethods', type: 'checkboxes', label: t('case.investigationMethods'), hint: t('common.selectAll'), options: await codeOptions('INVESTIGATION_METHOD') },
    { name: 'suspectCount', type: 'number', label: t('case.suspectCount'), hint: t('case.suspectCount.hint'), required: true },
    { name: 'network', type: 'yesno', label: t('case.network'), hint: t('case.network.hint'), required: true },
  ];
}

export const CASE_STEPS = () => [
  { title: t('case.step.case'), fields: ['municipalityCode', 'openedOn', 'origin', 'signallingOrganisationId', 'teamType'] },
  { title: t('case.step.investigation'), fields: ['exploitationForms', 'investigationMethods', 'suspectCount', 'network'] },
];

export async function partyFields(kind) {
  const gender = { name: 'gender', type: 'radios', label: t('party.gender'), required: true, options: await codeOptions('GENDER') };
  const birthYear = { name: 'birthYear', type: 'number', label: t('party.birthYear'), hint: t('party.birthYear.hint') };
  if (kind === 'victims') {
    return [gender, birthYear,
      { name: 'birthMonth', type: 'number', label: t('party.birthMonth'), hint: t('party.birthMonth.hint') },
      { name: 'nationality', type: 'select', label: t('party.nationality'), options: await codeOptions('NATIONALITY') },
      { name: 'exploitationStartedOn', type: 'date', label: t('party.exploitationStartedOn'), hint: t('date.hint') },
      { name: 'vulnerabilities', type: 'checkboxes', label: t('party.vulnerabilities'), hint: t('common.selectAll'), options: await codeOptions('VULNERABILITY') },
      { name: 'recruitmentChannel', type: 'select', label: t('party.recruitmentChannel'), options: await codeOptions('RECRUITMENT_CHANNEL') },
      { name: 'estimatedClientCount', type: 'number', label: t('party.estimatedClients'), hint: t('party.estimatedClients.hint') },
      { name: 'consentToShare', type: 'yesno', label: t('party.consentToShare') },
    ];
  }
  if (kind === 'suspects') {
    return [gender, birthYear, { name: 'role', type: 'select', label: t('party.suspectRole'), options: await codeOptions('SUSPECT_ROLE') }];
  }
  return [gender, birthYear,
    { name: 'contactCount', type: 'number', label: t('party.contactCount'), hint: t('party.contactCount.hint') },
    { name: 'ageVerificationAtIssue', type: 'yesno', label: t('party.ageVerificationAtIssue'), hint: t('party.ageVerificationAtIssue.hint') }];
}

export async function articleOptions() {
  return (await articles()).map((a) => ({ value: `${a.article}|${a.lawVersion}`, label: `${t('chain.article', a.article)} (${a.lawVersion}) – ${codeLabel({ labelNl: a.titleNl, labelEn: a.titleEn })}` }));
}

/** The record forms that hang under a party: fields, endpoint and which party kinds have them. */
export async function recordDefinition(record) {
  switch (record) {
    case 'aangifte-events': return {
      title: t('aangifte.add'), kinds: ['victims'], fields: [
        { name: 'type', type: 'radios', label: t('aangifte.status'), required: true, options: enumOptions('aangifteStatus', AANGIFTE_TYPES) },
        { name: 'on', type: 'date', label: t('aangifte.on'), hint: t('date.hint'), required: true },
        { name: 'reasons', type: 'checkboxes', label: t('aangifte.nonReportingReasons'), hint: t('common.selectAll'),
          options: await codeOptions('NON_REPORTING_REASON'), showIf: { field: 'type', value: ['DECLINED', 'WITHDRAWN', 'INFORMATORY_INTERVIEW'] } },
        { name: 'traumaStudio', type: 'yesno', label: t('aangifte.studio') },
        { name: 'psychologistAdvised', type: 'radios', label: t('aangifte.psychologistAdvised'), options: await codeOptions('PSYCHOLOGIST_ADVICE') },
      ] };
    case 'runaways': return {
      title: t('runaway.add'), kinds: ['victims'], fields: [
        { name: 'institutionType', type: 'select', label: t('runaway.institution'), required: true, options: await codeOptions('INSTITUTION_TYPE') },
        { name: 'missingSince', type: 'date', label: t('runaway.missingSince'), hint: t('date.hint'), required: true },
        { name: 'reportedOn', type: 'date', label: t('runaway.reportedOn'), hint: t('date.hint') },
        { name: 'foundOn', type: 'date', label: t('runaway.foundOn'), hint: t('date.hint') },
        { name: 'victimisedDuring', type: 'yesno', label: t('runaway.victimised') },
      ] };
    case 'care-referrals': return {
      title: t('care.add'), kinds: ['victims'], fields: [
        { name: 'careType', type: 'select', label: t('care.type'), required: true, options: await codeOptions('CARE_TYPE') },
        { name: 'referredOn', type: 'date', label: t('care.referredOn'), hint: t('date.hint'), required: true },
        { name: 'startedOn', type: 'date', label: t('care.startedOn'), hint: t('date.hint') },
        { name: 'endedOn', type: 'date', label: t('care.endedOn'), hint: t('date.hint') },
      ] };
    case 'chain-events': return {
      title: t('chain.add'), kinds: ['suspects', 'clients'], fields: [
        { name: 'stage', type: 'radios', label: t('chain.stage'), required: true, options: await codeOptions('STAGE') },
        { name: 'on', type: 'date', label: t('chain.on'), hint: t('date.hint'), required: true },
        { name: 'decision', type: 'radios', label: t('chain.decision'), required: true, options: await codeOptions('DECISION'), showIf: { field: 'stage', value: 'OM_DECISION' } },
        { name: 'verdict', type: 'radios', label: t('chain.verdict'), required: true, options: await codeOptions('VERDICT'), showIf: { field: 'stage', value: ['VERDICT', 'APPEAL', 'FINAL'] } },
        { name: 'sentence.custodyUnconditionalDays', type: 'number', label: t('sentence.custodyUnconditionalDays'), showIf: { field: 'stage', value: 'SENTENCE' } },
        { name: 'sentence.custodyConditionalDays', type: 'number', label: t('sentence.custodyConditionalDays'), showIf: { field: 'stage', value: 'SENTENCE' } },
        { name: 'sentence.communityServiceHours', type: 'number', label: t('sentence.communityServiceHours'), showIf: { field: 'stage', value: 'SENTENCE' } },
        { name: 'sentence.fineEuros', type: 'number', label: t('sentence.fineEuros'), showIf: { field: 'stage', value: 'SENTENCE' } },
        { name: 'sentence.measure', type: 'select', label: t('sentence.measure'), options: await codeOptions('MEASURE'), showIf: { field: 'stage', value: 'SENTENCE' } },
        { name: 'charge.article', type: 'select', label: t('chain.chargeArticle'), hint: t('chain.chargeArticle.hint'), options: await articleOptions(), showIf: { field: 'stage', value: ['OM_INFLOW', 'OM_DECISION', 'VERDICT'] } },
        { name: 'charge.offenceDate', type: 'date', label: t('chain.offenceDate'), hint: t('date.hint'), showIf: { field: 'stage', value: ['OM_INFLOW', 'OM_DECISION', 'VERDICT'] } },
      ],
      toBody: (v) => {
        const { charge, ...rest } = v;
        if (charge && charge.article) {
          const [article, lawVersion] = charge.article.split('|');
          rest.charges = [{ article, lawVersion, offenceDate: charge.offenceDate }];
        }
        return rest;
      } };
    default: return null;
  }
}
