package nl.ketenzicht.synthetic;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.parties.AangifteStatus;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Sentence;

/**
 * Writes chunks of cases table by table, parents before children, with the same row shapes the
 * application's entities produce (version 1, nulls where an entity leaves a column unmapped).
 */
final class ChunkWriter implements AutoCloseable {

    private final List<Long> organisationIds;
    private final Batch cases;
    private final Batch forms;
    private final Batch methods;
    private final Batch parties;
    private final Batch vulnerabilities;
    private final Batch links;
    private final Batch aangifte;
    private final Batch reasons;
    private final Batch chain;
    private final Batch charges;
    private final Batch runaways;
    private final Batch referrals;
    private final List<Batch> all;
    private final String createdBy;

    ChunkWriter(Connection c, List<Long> organisationIds, String createdBy) throws SQLException {
        this.organisationIds = organisationIds;
        this.createdBy = createdBy;
        cases = new Batch(
                c,
                "case_file",
                "owner_organisation_id, municipality_code, police_unit, court_district, "
                        + "prosecution_office, opened_on, origin, signalling_organisation_id, team_type, suspect_count, network, "
                        + "status, closed_on, closing_reason, version, created_at, created_by",
                true);
        forms = new Batch(c, "case_exploitation_form", "case_id, code", false);
        methods = new Batch(c, "case_investigation_method", "case_id, code", false);
        parties = new Batch(
                c,
                "party",
                "case_id, kind, birth_year, birth_month, gender, nationality, recruitment_channel, "
                        + "exploitation_started_on, estimated_client_count, consent_to_share, aangifte_status, role_code, "
                        + "contact_count, age_verification_at_issue, version, created_at",
                true);
        vulnerabilities = new Batch(c, "victim_vulnerability", "party_id, code", false);
        links = new Batch(c, "party_link", "offender_id, victim_id", false);
        aangifte = new Batch(
                c, "aangifte_event", "victim_id, type, occurred_on, trauma_studio, psychologist_advised", true);
        reasons = new Batch(c, "aangifte_reason", "event_id, code", false);
        chain = new Batch(
                c,
                "chain_event",
                "party_id, stage, occurred_on, decision, verdict, custody_unconditional_days, "
                        + "custody_conditional_days, community_service_hours, fine_euros, measure, created_at",
                false);
        charges = new Batch(c, "charge", "party_id, article, law_version, offence_date", false);
        runaways = new Batch(
                c,
                "runaway_episode",
                "victim_id, institution_type, missing_since, reported_on, found_on, " + "victimised_during, version",
                false);
        referrals = new Batch(
                c, "care_referral", "victim_id, care_type, referred_on, started_on, ended_on, version", false);
        all = List.of(
                cases,
                forms,
                methods,
                parties,
                vulnerabilities,
                links,
                aangifte,
                reasons,
                chain,
                charges,
                runaways,
                referrals);
    }

    /** Writes the chunk and returns the new case ids in chunk order. */
    long[] write(List<SyntheticCase> chunk) throws SQLException {
        for (SyntheticCase c : chunk) {
            cases.row(
                    org(c.ownerOrganisation()),
                    c.municipality().code(),
                    c.municipality().policeUnit(),
                    c.municipality().courtDistrict(),
                    c.municipality().prosecutionOffice(),
                    c.openedOn(),
                    c.origin(),
                    c.signallingOrganisation() == null ? null : org(c.signallingOrganisation()),
                    c.teamType(),
                    c.suspectCount(),
                    c.network(),
                    c.status(),
                    c.closedOn(),
                    c.closingReason(),
                    1L,
                    c.createdAt(),
                    createdBy);
        }
        long[] caseIds = cases.flush();
        for (int i = 0; i < chunk.size(); i++) {
            for (String f : chunk.get(i).exploitationForms()) forms.row(caseIds[i], f);
            for (String m : chunk.get(i).investigationMethods()) methods.row(caseIds[i], m);
            addParties(caseIds[i], chunk.get(i));
        }
        long[] partyIds = parties.flush();
        List<SyntheticVictim> victimsInOrder = new ArrayList<>();
        List<Long> victimIds = new ArrayList<>();
        int p = 0;
        for (SyntheticCase c : chunk) {
            long[] victimIdsOfCase = new long[c.victims().size()];
            for (int v = 0; v < victimIdsOfCase.length; v++) {
                victimIdsOfCase[v] = partyIds[p++];
                victimsInOrder.add(c.victims().get(v));
                victimIds.add(victimIdsOfCase[v]);
            }
            for (SyntheticOffender o : c.suspects()) addOffender(partyIds[p++], o, victimIdsOfCase);
            for (SyntheticOffender o : c.clients()) addOffender(partyIds[p++], o, victimIdsOfCase);
        }
        addVictimDetails(victimsInOrder, victimIds);
        for (Batch b : all) {
            b.flush();
        }
        return caseIds;
    }

    private void addParties(long caseId, SyntheticCase c) throws SQLException {
        for (SyntheticVictim v : c.victims()) {
            AangifteStatus status = v.aangifteStatus();
            parties.row(
                    caseId,
                    "VICTIM",
                    v.birthYear(),
                    v.birthMonth(),
                    v.gender(),
                    v.nationality(),
                    v.recruitmentChannel(),
                    v.exploitationStartedOn(),
                    v.estimatedClientCount(),
                    v.consentToShare(),
                    status,
                    null,
                    null,
                    null,
                    1L,
                    v.createdAt());
        }
        for (SyntheticOffender o : c.suspects()) {
            parties.row(
                    caseId,
                    "SUSPECT",
                    o.birthYear(),
                    null,
                    o.gender(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    o.role(),
                    null,
                    null,
                    1L,
                    o.createdAt());
        }
        for (SyntheticOffender o : c.clients()) {
            parties.row(
                    caseId,
                    "CLIENT",
                    o.birthYear(),
                    null,
                    o.gender(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    o.role(),
                    o.contactCount(),
                    o.ageVerificationAtIssue(),
                    1L,
                    o.createdAt());
        }
    }

    private void addOffender(long partyId, SyntheticOffender o, long[] victimIds) throws SQLException {
        for (int v : o.linkedVictims()) links.row(partyId, victimIds[v]);
        for (Proceedings.Step s : o.steps()) {
            Sentence x = s.sentence();
            chain.row(
                    partyId,
                    s.stage(),
                    s.on(),
                    s.decision(),
                    s.verdict(),
                    x == null ? null : x.custodyUnconditionalDays(),
                    x == null ? null : x.custodyConditionalDays(),
                    x == null ? null : x.communityServiceHours(),
                    x == null ? null : x.fineEuros(),
                    x == null ? null : x.measure(),
                    recordedOn(s));
        }
        for (SyntheticOffender.Charge ch : o.charges())
            charges.row(partyId, ch.article(), ch.lawVersion(), ch.offenceDate());
    }

    /** Aangifte events need their ids for the reasons, so they go in one batch for the whole chunk. */
    private void addVictimDetails(List<SyntheticVictim> victims, List<Long> ids) throws SQLException {
        List<SyntheticVictim.Aangifte> events = new ArrayList<>();
        for (int i = 0; i < victims.size(); i++) {
            SyntheticVictim v = victims.get(i);
            long id = ids.get(i);
            for (String m : v.vulnerabilities()) vulnerabilities.row(id, m);
            for (SyntheticVictim.Aangifte a : v.aangifte()) {
                aangifte.row(id, a.type(), a.on(), a.traumaStudio(), a.psychologistAdvised());
                events.add(a);
            }
            for (SyntheticVictim.Runaway r : v.runaways()) {
                runaways.row(
                        id,
                        r.institutionType(),
                        r.missingSince(),
                        r.reportedOn(),
                        r.foundOn(),
                        r.victimisedDuring(),
                        1L);
            }
            for (SyntheticVictim.Referral r : v.referrals()) {
                referrals.row(id, r.careType(), r.referredOn(), r.startedOn(), r.endedOn(), 1L);
            }
        }
        long[] eventIds = aangifte.flush();
        for (int i = 0; i < eventIds.length; i++) {
            for (String r : events.get(i).reasons()) reasons.row(eventIds[i], r);
        }
    }

    /** A step is recorded at noon of its day: the writer has no clock of its own, and noon is never "tomorrow". */
    private static Instant recordedOn(Proceedings.Step s) {
        return s.on().atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private Long org(int index) {
        return organisationIds.get(index);
    }

    List<Long> organisationIds() {
        return organisationIds;
    }

    Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        all.forEach(b -> rows.put(b.table(), b.written()));
        return rows;
    }

    @Override
    public void close() throws SQLException {
        for (Batch b : all) {
            b.close();
        }
    }
}
