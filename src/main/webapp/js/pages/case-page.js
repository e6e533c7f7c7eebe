// The case page: the whole chain at a glance — the case, its parties, each victim's aangifte
// history, runaway episodes and care referrals, each suspect's and client's proceedings as a dated
// timeline, and with whom the case is shared. Edit controls only for case workers.

import { h, pageHeading, append } from '../dom.js';
import { t, formatDate, enumLabel, yesNo, formatNumber, codeLabel } from '../i18n.js';
import { get } from '../api.js';
import { summaryList, dataTable, section, buttonLink } from '../components.js';
import { currentUser } from '../session.js';
import { codes, codeLabelOf, regionName } from '../reference.js';
import { organisationName } from '../organisations.js';
import { casePilots } from './case-pilots.js';
import { breakGlassOffer, breakGlassBanner, breakGlassUntil, notInScope } from '../break-glass.js';

const KIND = { VICTIM: 'victims', SUSPECT: 'suspects', CLIENT: 'clients' };

/** Groups the chain document (GET api/cases/{id}/chain) per party, for the cards. */
function partiesOf(chain) {
  const grouped = { victims: [], suspects: [], clients: [] };
  const proceedings = new Map((chain.proceedings || []).map((p) => [p.partyId, p]));
  const care = chain.care || {};
  for (const p of chain.parties || []) {
    const kind = KIND[p.kind];
    if (!kind) continue;
    grouped[kind].push({ ...p,
      chainEvents: (proceedings.get(p.id) || {}).events || [],
      charges: (proceedings.get(p.id) || {}).charges || [],
      runaways: (care.runaways || []).filter((r) => r.victimId === p.id),
      careReferrals: (care.referrals || []).filter((r) => r.victimId === p.id) });
  }
  return grouped;
}

async function labels(list, values) {
  return (await Promise.all((values || []).map((c) => codeLabelOf(list, c)))).join(', ');
}

/** A case outside the user's scope answers 404; a case worker may then use break-glass. */
async function loadOrOfferBreakGlass(main, params, refresh) {
  try {
    return (await get(`api/cases/${params.id}/chain`)).data;
  } catch (error) {
    if (error.status !== 404 || !/^\d+$/.test(params.id)) throw error;
    append(main, pageHeading(t('breakGlass.notInScopeTitle', params.id)), notInScope(params.id),
      breakGlassOffer(params.id, () => refresh()));
    return null;
  }
}

export async function render(main, { params, refresh }) {
  const chain = await loadOrOfferBreakGlass(main, params, refresh);
  if (!chain) return;
  const c = chain.caseFile;
  const glassUntil = breakGlassUntil(c.id);
  // Only the owning organisation changes the case and its records; a share may allow adding chain steps.
  const me = currentUser();
  const open = me.role === 'CASEWORKER' && c.status !== 'CLOSED' && !glassUntil;
  const canEdit = open && me.organisationId === c.ownerOrganisationId;
  const myShare = (chain.shares || []).find((s) => s.active && s.organisationId === me.organisationId);
  const canAddSteps = canEdit || (open && Boolean(myShare) && myShare.scope === 'READ_AND_ADD_PROCEEDINGS');
  const base = `#/cases/${c.id}`;
  const parties = partiesOf(chain);

  append(main, pageHeading(t('case.numbered', c.id)), glassUntil ? breakGlassBanner(glassUntil) : null,
    h('p', { class: 'tag-line' }, h('strong', { class: ['tag', c.status === 'CLOSED' ? 'tag--grey' : 'tag--green'] }, enumLabel('status', c.status)),
      ' ', await organisationName(c.ownerOrganisationId)),
    myShare && !canEdit ? h('p', { id: 'share-notice' }, t('shares.yours', t(`shares.scope.${myShare.scope}`), formatDate(myShare.expiresOn))) : null,
    canEdit ? h('div', { class: 'button-group' },
      buttonLink(`${base}/edit`, t('case.edit')), buttonLink(`${base}/closure`, t('case.close'), true), buttonLink(`${base}/shares`, t('shares.manage'), true)) : null,
    section(t('case.details'), summaryList([
      [t('case.openedOn'), formatDate(c.openedOn)],
      [t('case.municipality'), c.municipalityName || c.municipalityCode],
      [t('case.policeUnit'), await regionName('policeUnits', c.policeUnit)],
      [t('case.courtDistrict'), await regionName('courtDistricts', c.courtDistrict)],
      [t('case.origin'), enumLabel('origin', c.origin)],
      c.signallingOrganisationId ? [t('case.signallingOrganisation'), await organisationName(c.signallingOrganisationId)] : null,
      [t('case.teamType'), enumLabel('teamType', c.teamType)],
      [t('case.exploitationForms'), await labels('EXPLOITATION_FORM', c.exploitationForms)],
      [t('case.investigationMethods'), await labels('INVESTIGATION_METHOD', c.investigationMethods)],
      [t('case.suspectCount'), formatNumber(c.suspectCount)], [t('case.network'), yesNo(c.network)],
      c.closedOn ? [t('case.closedOn'), formatDate(c.closedOn)] : null,
      c.closingReason ? [t('case.closingReason'), await codeLabelOf('CLOSING_REASON', c.closingReason)] : null,
    ])));

  for (const kind of ['victims', 'suspects', 'clients']) {
    const list = parties[kind];
    const items = [];
    for (const [i, p] of list.entries()) items.push(await partyCard(kind, p, i, base, canEdit, canAddSteps));
    append(main, section(t(`party.${kind}`),
      canEdit ? buttonLink(`${base}/parties/${kind}/new`, t(`party.add.${kind}`), true) : null,
      items.length ? items : h('p', {}, t(`party.none.${kind}`))));
  }

  append(main, await casePilots(c.id, canEdit, refresh));

  append(main, section(t('shares.title'), dataTable({
    caption: t('shares.caption'),
    columns: [{ label: t('shares.organisation'), value: (s) => s.organisationName },
      { label: t('shares.purpose'), value: (s) => s.purpose || '' }, { label: t('shares.scope'), value: (s) => t(`shares.scope.${s.scope}`) },
      { label: t('shares.since'), value: (s) => formatDate((s.grantedAt || '').slice(0, 10)) },
      { label: t('shares.expiresOn'), value: (s) => formatDate(s.expiresOn) }],
    rows: await Promise.all((chain.shares || []).filter((s) => s.active)
      .map(async (s) => ({ ...s, organisationName: await organisationName(s.organisationId) }))),
    empty: t('shares.none'),
  })));
}

async function partyCard(kind, p, index, base, canEdit, canAddSteps) {
  const title = t(`party.numbered.${kind}`, index + 1);
  const rows = [
    [t('party.number'), String(p.id)], // the pseudonymous id that auditors look up in the subject overview
    p.birthYear ? [t('party.birthYear'), String(p.birthYear)] : null,
    p.gender ? [t('party.gender'), enumLabel('gender', p.gender)] : null,
    p.nationality ? [t('party.nationality'), await codeLabelOf('NATIONALITY', p.nationality)] : null,
  ];
  if (kind === 'clients') {
    rows.push(p.contactCount !== null && p.contactCount !== undefined ? [t('party.contactCount'), formatNumber(p.contactCount)] : null,
      p.ageVerificationAtIssue !== null && p.ageVerificationAtIssue !== undefined ? [t('party.ageVerificationAtIssue'), yesNo(p.ageVerificationAtIssue)] : null);
  }
  if (kind === 'suspects' && p.role) rows.push([t('party.suspectRole'), await codeLabelOf('SUSPECT_ROLE', p.role)]);
  if (kind === 'victims') {
    rows.push([t('party.vulnerabilities'), await labels('VULNERABILITY', p.vulnerabilities)],
      p.recruitmentChannel ? [t('party.recruitmentChannel'), await codeLabelOf('RECRUITMENT_CHANNEL', p.recruitmentChannel)] : null,
      p.estimatedClientCount !== undefined && p.estimatedClientCount !== null ? [t('party.estimatedClients'), formatNumber(p.estimatedClientCount)] : null,
      [t('party.consentToShare'), yesNo(p.consentToShare)]);
  }
  const add = (record) => (canEdit ? buttonLink(`${base}/parties/${p.id}/${record}/new`, t(`record.add.${record}`), true) : null);
  const card = h('article', { class: 'card', 'aria-labelledby': `party-${p.id}` },
    h('h3', { class: 'card__title', id: `party-${p.id}` }, title),
    summaryList(rows),
    canEdit ? h('p', {}, h('a', { href: `${base}/parties/${kind}/${p.id}/edit` }, t('party.edit'), h('span', { class: 'visually-hidden' }, ` ${title}`))) : null);
  if (kind === 'victims') {
    const careTypes = new Map((await codes('CARE_TYPE').catch(() => [])).map((c) => [c.code, codeLabel(c)]));
    append(card, h('h4', {}, t('aangifte.history')), timeline((p.aangifteHistory || []).map((e) => ({
      on: e.on, text: enumLabel('aangifteStatus', e.type),
      extra: [e.psychologistAdvised && e.psychologistAdvised !== 'NONE' ? `${t('aangifte.psychologistAdvised')}: ${enumLabel('psychologist', e.psychologistAdvised)}` : null,
        e.traumaStudio ? t('aangifte.studio') : null].filter(Boolean).join(' · ') }))),
    add('aangifte-events'),
    h('h4', {}, t('runaway.title')), dataTable({ caption: t('runaway.caption', title), rows: p.runaways, empty: t('runaway.none'), columns: [
      { label: t('runaway.missingSince'), value: (r) => formatDate(r.missingSince) },
      { label: t('runaway.reportedOn'), value: (r) => formatDate(r.reportedOn) },
      { label: t('runaway.foundOn'), value: (r) => formatDate(r.foundOn) || t('runaway.stillMissing') },
      { label: t('runaway.victimised'), value: (r) => yesNo(r.victimisedDuring) }] }),
    add('runaways'),
    h('h4', {}, t('care.title')), dataTable({ caption: t('care.caption', title), rows: p.careReferrals, empty: t('care.none'), columns: [
      { label: t('care.type'), value: (r) => careTypes.get(r.careType) || r.careType },
      { label: t('care.referredOn'), value: (r) => formatDate(r.referredOn) },
      { label: t('care.startedOn'), value: (r) => formatDate(r.startedOn) || t('care.waiting') }] }),
    add('care-referrals'));
  } else {
    append(card, h('h4', {}, t('chain.title')), timeline(p.chainEvents.map((e) => ({
      on: e.on, text: enumLabel('stage', e.stage),
      extra: [enumLabel('decision', e.decision), enumLabel('verdict', e.verdict), sentenceText(e.sentence)].filter(Boolean).join(' · ') }))),
    p.charges.length ? h('p', {}, `${t('chain.chargeArticle')}: `, p.charges.map((ch) => `${t('chain.article', ch.article)} (${ch.lawVersion}, ${formatDate(ch.offenceDate)})`).join('; ')) : null,
    canAddSteps ? buttonLink(`${base}/parties/${p.id}/chain-events/new`, t('record.add.chain-events'), true) : null);
  }
  return card;
}

function sentenceText(s) {
  if (!s) return '';
  return [s.custodyUnconditionalDays ? t('sentence.custodyDaysShort', formatNumber(s.custodyUnconditionalDays)) : null,
    s.custodyConditionalDays ? t('sentence.conditionalShort', formatNumber(s.custodyConditionalDays)) : null,
    s.communityServiceHours ? t('sentence.communityShort', formatNumber(s.communityServiceHours)) : null,
    s.fineEuros ? t('sentence.fineShort', formatNumber(s.fineEuros)) : null].filter(Boolean).join(', ');
}

function timeline(events) {
  if (!events.length) return h('p', {}, t('common.none'));
  const sorted = [...events].sort((a, b) => String(a.on).localeCompare(String(b.on)));
  return h('ol', { class: 'timeline' }, sorted.map((e) => h('li', { class: 'timeline__item' },
    h('time', { class: 'timeline__date', datetime: e.on }, formatDate(e.on)),
    h('span', { class: 'timeline__text' }, e.text), e.extra ? h('span', { class: 'timeline__extra' }, e.extra) : null)));
}
