package nl.ketenzicht.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.Client;
import nl.ketenzicht.parties.Offender;
import nl.ketenzicht.parties.Party;
import nl.ketenzicht.parties.Victim;
import nl.ketenzicht.proceedings.ChainEvent;
import nl.ketenzicht.proceedings.Charge;
import nl.ketenzicht.proceedings.Sentence;
import nl.ketenzicht.shared.SqlTimes;

/**
 * Writes drafted units ({@link NewUnits}) table by table, parents first, each table as one JDBC batch
 * (the driver rewrites it into multi-row INSERTs and returns the generated ids in row order), in the
 * caller's transaction. Rows have the shapes the entities would give them through JPA: version 1
 * plus one for each aangifte or chain step recorded on a party (each locks it for change). Every
 * record gets its import reference (a plain INSERT: a concurrent import of the same reference fails
 * the chunk instead of duplicating) and its access-log event, returned for one batch.
 */
final class UnitWriter {

    private final Connection c;
    private final long organisationId;
    private final long jobId;
    /** The chunk's time as SQL text (SqlTimes), and the last record time turned into text. */
    private final String now;

    private Instant lastInstant;
    private String lastText;

    UnitWriter(Connection c, long organisationId, long jobId, Instant now) {
        this.c = c;
        this.organisationId = organisationId;
        this.jobId = jobId;
        this.now = SqlTimes.text(now);
    }

    /** What was written: the new case ids in unit order and the access-log events of every record. */
    record Written(long[] caseIds, List<AccessEvent> events) {}

    Written write(List<NewUnits.Unit> units) throws SQLException {
        long[] caseIds = cases(units);
        Map<Party, Long> partyIds = parties(units, caseIds);
        Map<Object, Long> stepIds = steps(units, partyIds);
        List<AccessEvent> events = new ArrayList<>();
        try (PreparedStatement refs = c.prepareStatement(
                "INSERT INTO import_reference (organisation_id, record_type, case_ref, external_ref, record_id, case_id, "
                        + "row_hash, job_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int u = 0; u < units.size(); u++) {
                long caseId = caseIds[u];
                Map<Long, Long> real = realIds(units.get(u), partyIds);
                for (NewUnits.Made m : units.get(u).records()) {
                    long id;
                    AccessEvent event;
                    Object record = m.record();
                    if (record instanceof Case) {
                        id = caseId;
                        event = AccessEvent.of(AccessEvent.Action.CREATE, "case", id, List.of());
                    } else if (record instanceof NewUnits.NewParty np) {
                        id = partyIds.get(np.party());
                        event = AccessEvent.of(AccessEvent.Action.CREATE, "party", id, subjects(np.party(), id, real));
                    } else if (record instanceof NewUnits.NewAangifte a) {
                        id = stepIds.get(a.event());
                        long victim = partyIds.get(a.victim().party());
                        event = AccessEvent.of(AccessEvent.Action.UPDATE, "party", victim, List.of(victim));
                    } else if (record instanceof NewUnits.NewStep s) {
                        id = stepIds.get(s.recorded().event());
                        long offender = partyIds.get(s.offender().party());
                        event = AccessEvent.of(
                                AccessEvent.Action.CREATE,
                                "chain-event",
                                id,
                                subjects(s.offender().party(), offender, real));
                    } else {
                        throw new IllegalStateException(record.getClass().getName());
                    }
                    events.add(event.inCase(caseId));
                    ImportRow row = m.parsed().row();
                    refs.setLong(1, organisationId);
                    refs.setString(2, row.kind().referenceType());
                    refs.setString(3, row.caseRef());
                    refs.setString(4, row.reference());
                    refs.setLong(5, id);
                    refs.setLong(6, caseId);
                    refs.setString(7, m.parsed().hash());
                    refs.setLong(8, jobId);
                    refs.setString(9, now);
                    refs.addBatch();
                }
            }
            refs.executeBatch();
        }
        return new Written(caseIds, events);
    }

    private long[] cases(List<NewUnits.Unit> units) throws SQLException {
        long[] ids;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO case_file (owner_organisation_id, municipality_code, police_unit, court_district, "
                        + "prosecution_office, opened_on, origin, signalling_organisation_id, team_type, suspect_count, "
                        + "network, status, closed_on, closing_reason, version, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (NewUnits.Unit u : units) {
                Case k = u.kase();
                s.setLong(1, k.ownerOrganisationId());
                s.setString(2, k.region().municipalityCode());
                s.setString(3, k.region().policeUnit());
                s.setString(4, k.region().courtDistrict());
                s.setString(5, k.region().prosecutionOffice());
                s.setObject(6, k.openedOn());
                s.setString(7, name(k.origin()));
                s.setObject(8, k.signallingOrganisationId(), Types.BIGINT);
                s.setString(9, name(k.teamType()));
                s.setInt(10, k.suspectCount());
                s.setBoolean(11, k.network());
                s.setString(12, name(k.status()));
                s.setObject(13, k.closedOn());
                s.setString(14, k.closingReason());
                s.setString(15, text(k.createdAt()));
                s.setString(16, k.createdBy());
                s.addBatch();
            }
            ids = run(s, units.size());
        }
        try (PreparedStatement forms =
                        c.prepareStatement("INSERT INTO case_exploitation_form (case_id, code) VALUES (?, ?)");
                PreparedStatement methods =
                        c.prepareStatement("INSERT INTO case_investigation_method (case_id, code) VALUES (?, ?)")) {
            for (int i = 0; i < units.size(); i++) {
                Case k = units.get(i).kase();
                pairs(forms, ids[i], k.exploitationForms());
                pairs(methods, ids[i], k.investigationMethods());
            }
            forms.executeBatch();
            methods.executeBatch();
        }
        return ids;
    }

    private Map<Party, Long> parties(List<NewUnits.Unit> units, long[] caseIds) throws SQLException {
        List<NewUnits.NewParty> all = new ArrayList<>();
        List<Long> caseOf = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            for (NewUnits.Made m : units.get(i).records()) {
                if (m.record() instanceof NewUnits.NewParty np) {
                    all.add(np);
                    caseOf.add(caseIds[i]);
                }
            }
        }
        Map<Party, Long> ids = new IdentityHashMap<>();
        if (all.isEmpty()) {
            return ids;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO party (case_id, kind, birth_year, birth_month, gender, nationality, recruitment_channel, "
                        + "exploitation_started_on, estimated_client_count, consent_to_share, aangifte_status, role_code, "
                        + "contact_count, age_verification_at_issue, version, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < all.size(); i++) {
                NewUnits.NewParty np = all.get(i);
                Party p = np.party();
                Victim v = p instanceof Victim x ? x : null;
                Offender o = p instanceof Offender x ? x : null;
                Client cl = p instanceof Client x ? x : null;
                s.setLong(1, caseOf.get(i));
                s.setString(2, p.kind().name());
                s.setObject(3, p.birthYear(), Types.INTEGER);
                s.setObject(4, v == null ? null : v.birthMonth(), Types.INTEGER);
                s.setString(5, name(p.gender()));
                s.setString(6, v == null ? null : v.nationality());
                s.setString(7, v == null ? null : v.recruitmentChannel());
                s.setObject(8, v == null ? null : v.exploitationStartedOn());
                s.setObject(9, v == null ? null : v.estimatedClientCount(), Types.INTEGER);
                s.setObject(10, v == null ? null : v.consentToShare(), Types.BOOLEAN);
                s.setString(11, v == null ? null : name(v.aangifteStatus()));
                s.setString(12, o == null ? null : o.roleCode());
                s.setObject(13, cl == null ? null : cl.contactCount(), Types.INTEGER);
                s.setObject(14, cl == null ? null : cl.ageVerificationAtIssue(), Types.BOOLEAN);
                s.setLong(15, 1L + np.recorded().size());
                s.setString(16, text(p.createdAt()));
                s.addBatch();
            }
            long[] keys = run(s, all.size());
            for (int i = 0; i < keys.length; i++) {
                ids.put(all.get(i).party(), keys[i]);
            }
        }
        try (PreparedStatement vulnerabilities =
                        c.prepareStatement("INSERT INTO victim_vulnerability (party_id, code) VALUES (?, ?)");
                PreparedStatement links =
                        c.prepareStatement("INSERT INTO party_link (offender_id, victim_id) VALUES (?, ?)");
                PreparedStatement references =
                        c.prepareStatement("INSERT INTO party_reference (party_id, partner_reference) VALUES (?, ?)")) {
            for (NewUnits.Unit u : units) {
                Map<Long, Long> real = realIds(u, ids);
                for (NewUnits.Made m : u.records()) {
                    if (!(m.record() instanceof NewUnits.NewParty np)) {
                        continue;
                    }
                    long id = ids.get(np.party());
                    if (np.party() instanceof Victim v) {
                        pairs(vulnerabilities, id, v.vulnerabilities());
                    } else if (np.party() instanceof Offender o) {
                        for (long provisional : o.linkedVictimIds()) {
                            links.setLong(1, id);
                            links.setLong(2, real.get(provisional));
                            links.addBatch();
                        }
                    }
                    String reference = m.parsed().row().reference();
                    if (reference != null && !reference.isBlank()) {
                        references.setLong(1, id);
                        references.setString(2, reference.strip());
                        references.addBatch();
                    }
                }
            }
            vulnerabilities.executeBatch();
            links.executeBatch();
            references.executeBatch();
        }
        return ids;
    }

    /** Aangifte and chain steps with their reasons and charges; returns each step's id. */
    private Map<Object, Long> steps(List<NewUnits.Unit> units, Map<Party, Long> partyIds) throws SQLException {
        List<NewUnits.NewAangifte> aangifte = new ArrayList<>();
        List<NewUnits.NewStep> chain = new ArrayList<>();
        for (NewUnits.Unit u : units) {
            for (NewUnits.Made m : u.records()) {
                if (m.record() instanceof NewUnits.NewAangifte a) {
                    aangifte.add(a);
                } else if (m.record() instanceof NewUnits.NewStep s) {
                    chain.add(s);
                }
            }
        }
        Map<Object, Long> ids = new IdentityHashMap<>();
        if (!aangifte.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                            "INSERT INTO aangifte_event (victim_id, type, occurred_on, trauma_studio, psychologist_advised) "
                                    + "VALUES (?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement reasons =
                            c.prepareStatement("INSERT INTO aangifte_reason (event_id, code) VALUES (?, ?)")) {
                for (NewUnits.NewAangifte a : aangifte) {
                    AangifteEvent e = a.event();
                    s.setLong(1, partyIds.get(a.victim().party()));
                    s.setString(2, name(e.type()));
                    s.setObject(3, e.occurredOn());
                    s.setBoolean(4, e.traumaStudio());
                    s.setString(5, name(e.psychologistAdvised()));
                    s.addBatch();
                }
                long[] keys = run(s, aangifte.size());
                for (int i = 0; i < keys.length; i++) {
                    ids.put(aangifte.get(i).event(), keys[i]);
                    pairs(reasons, keys[i], aangifte.get(i).event().reasons());
                }
                reasons.executeBatch();
            }
        }
        if (!chain.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                            "INSERT INTO chain_event (party_id, stage, occurred_on, decision, verdict, "
                                    + "custody_unconditional_days, custody_conditional_days, community_service_hours, "
                                    + "fine_euros, measure, created_at, recorded_by_organisation_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement charges = c.prepareStatement(
                            "INSERT INTO charge (party_id, article, law_version, offence_date) VALUES (?, ?, ?, ?)")) {
                for (NewUnits.NewStep step : chain) {
                    ChainEvent e = step.recorded().event();
                    Sentence x = e.sentence();
                    long party = partyIds.get(step.offender().party());
                    s.setLong(1, party);
                    s.setString(2, name(e.stage()));
                    s.setObject(3, e.occurredOn());
                    s.setString(4, name(e.decision()));
                    s.setString(5, name(e.verdict()));
                    s.setObject(6, x == null ? null : x.custodyUnconditionalDays(), Types.INTEGER);
                    s.setObject(7, x == null ? null : x.custodyConditionalDays(), Types.INTEGER);
                    s.setObject(8, x == null ? null : x.communityServiceHours(), Types.INTEGER);
                    s.setObject(9, x == null ? null : x.fineEuros(), Types.INTEGER);
                    s.setString(10, x == null ? null : x.measure());
                    s.setString(11, now);
                    s.setObject(12, e.recordedByOrganisationId(), Types.BIGINT);
                    s.addBatch();
                    for (Charge ch : step.recorded().charges()) {
                        charges.setLong(1, party);
                        charges.setString(2, ch.article());
                        charges.setString(3, ch.lawVersion());
                        charges.setObject(4, ch.offenceDate());
                        charges.addBatch();
                    }
                }
                long[] keys = run(s, chain.size());
                for (int i = 0; i < keys.length; i++) {
                    ids.put(chain.get(i).recorded().event(), keys[i]);
                }
                charges.executeBatch();
            }
        }
        return ids;
    }

    /** The access-log subjects as the services name them, with the real ids of the unit's victims. */
    private static List<Long> subjects(Party p, long id, Map<Long, Long> real) {
        if (p instanceof Offender o) {
            // The offender's links hold provisional ids (in row order, as the real ones are).
            return o.linkedVictimIds().stream().map(real::get).toList();
        }
        return List.of(id);
    }

    /** The unit's parties: provisional id to the id the database gave. */
    private static Map<Long, Long> realIds(NewUnits.Unit unit, Map<Party, Long> partyIds) {
        Map<Long, Long> real = new java.util.HashMap<>();
        for (NewUnits.Made m : unit.records()) {
            if (m.record() instanceof NewUnits.NewParty np) {
                real.put(np.provisionalId(), partyIds.get(np.party()));
            }
        }
        return real;
    }

    private static void pairs(PreparedStatement s, long id, Iterable<String> codes) throws SQLException {
        for (String code : codes) {
            s.setLong(1, id);
            s.setString(2, code);
            s.addBatch();
        }
    }

    private static long[] run(PreparedStatement s, int rows) throws SQLException {
        s.executeBatch();
        long[] ids = new long[rows];
        int n = 0;
        try (ResultSet keys = s.getGeneratedKeys()) {
            while (keys.next() && n < rows) {
                ids[n++] = keys.getLong(1);
            }
        }
        if (n != rows) {
            throw new SQLException(rows + " rows inserted but " + n + " ids returned");
        }
        return ids;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The records of a chunk mostly share one time: format it once. */
    private String text(Instant t) {
        if (!t.equals(lastInstant)) {
            lastInstant = t;
            lastText = SqlTimes.text(t);
        }
        return lastText;
    }
}
