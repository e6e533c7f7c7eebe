package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.reports.AgeGroup;

/**
 * Keeps report_victim_fact, report_runaway_fact and report_care_fact equal to the base tables for one
 * victim, on the writer's connection and inside its transaction (measures 4–6). Reads of the victim's
 * own rows are locking reads, for the reason given in {@link CaseFacts}; writes are upserts by primary
 * key, and a fact whose base row is gone is deleted by primary key, so no gap locks are taken on the
 * fact tables (see {@link AggregateMaintenance}). The victim's fact row is locked before its base rows
 * are read, and the measure-4 counters move from the stored fact to the new one ({@link VictimCounts}).
 */
final class VictimFacts {

    private static final String DIMS = "municipality, police_unit, court_district, prosecution_office, year, quarter, "
            + "origin, team_type, forms, age_group";
    private static final String DIMS_UPDATE = "municipality = VALUES(municipality), police_unit = VALUES(police_unit), "
            + "court_district = VALUES(court_district), prosecution_office = VALUES(prosecution_office), year = VALUES(year), "
            + "quarter = VALUES(quarter), origin = VALUES(origin), team_type = VALUES(team_type), forms = VALUES(forms), "
            + "age_group = VALUES(age_group)";
    private static final String VICTIM = "SELECT p.case_id, c.municipality_code, c.police_unit, c.court_district, "
            + "c.prosecution_office, c.opened_on, c.origin, c.team_type, p.birth_year, p.birth_month, "
            + "p.exploitation_started_on, p.recruitment_channel, p.estimated_client_count FROM party p JOIN case_file c ON c.id = p.case_id "
            + "WHERE p.id = ? AND p.kind = 'VICTIM' LOCK IN SHARE MODE";
    private static final String UPSERT_VICTIM = "INSERT INTO report_victim_fact (party_id, case_id, " + DIMS
            + ", aangifte_made, declined, hearing, channel, reasons, vulnerabilities, estimated_clients) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE case_id = VALUES(case_id), " + DIMS_UPDATE
            + ", aangifte_made = VALUES(aangifte_made), "
            + "declined = VALUES(declined), hearing = VALUES(hearing), channel = VALUES(channel), reasons = VALUES(reasons), "
            + "vulnerabilities = VALUES(vulnerabilities), estimated_clients = VALUES(estimated_clients)";
    private static final String UPSERT_RUNAWAY = "INSERT INTO report_runaway_fact (episode_id, victim_id, " + DIMS
            + ", institution_type, missing_since, reported_on, found_on, victimised) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE " + DIMS_UPDATE + ", institution_type = VALUES(institution_type), "
            + "missing_since = VALUES(missing_since), reported_on = VALUES(reported_on), found_on = VALUES(found_on), "
            + "victimised = VALUES(victimised)";
    private static final String UPSERT_CARE = "INSERT INTO report_care_fact (referral_id, victim_id, " + DIMS
            + ", care_type, referred_on, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE " + DIMS_UPDATE
            + ", care_type = VALUES(care_type), referred_on = VALUES(referred_on), "
            + "started_on = VALUES(started_on)";

    private VictimFacts() {}

    /**
     * After a change to a case: its victims' facts (region, period, forms and age at opening may have
     * moved). The list of victims is a plain read: a victim added concurrently refreshes itself, after
     * this writer's lock on the case row is released.
     */
    static void refreshCase(Connection c, long caseId) throws SQLException {
        for (long victimId : longs(c, "SELECT id FROM party WHERE case_id = ? AND kind = 'VICTIM'", caseId)) {
            refreshVictim(c, victimId);
        }
    }

    /** After a change to a party, its aangifte history, runaway episodes or care referrals. Not a victim: nothing. */
    static void refreshVictim(Connection c, long partyId) throws SQLException {
        Victim v;
        try (PreparedStatement s = c.prepareStatement(VICTIM)) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                v = new Victim(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        date(rs, 6),
                        rs.getString(7),
                        rs.getString(8),
                        AgeGroup.of(
                                (Integer) rs.getObject(9, Integer.class),
                                (Integer) rs.getObject(10, Integer.class),
                                date(rs, 11),
                                date(rs, 6)),
                        rs.getString(12),
                        (Integer) rs.getObject(13, Integer.class));
            }
        }
        RebuildGuard.enter(c);
        Optional<VictimCounts.Fact> counted = VictimCounts.lockStored(c, partyId, v.caseId);
        String forms = String.join(
                ",",
                codes(c, "SELECT code FROM case_exploitation_form WHERE case_id = ? LOCK IN SHARE MODE", v.caseId));
        VictimCounts.move(c, counted, Optional.of(writeVictim(c, partyId, v, forms)));
        writeRunaways(c, partyId, v, forms);
        writeReferrals(c, partyId, v, forms);
    }

    /**
     * As {@link #refreshCase}, and the victims counted for the case whose base rows are gone (a purge)
     * leave: their victim facts and counts, and their runaway and care facts.
     */
    static void refreshCaseAndForgetGone(Connection c, long caseId) throws SQLException {
        List<Long> present = longs(c, "SELECT id FROM party WHERE case_id = ? AND kind = 'VICTIM'", caseId);
        for (long victimId : present) {
            refreshVictim(c, victimId);
        }
        List<Long> gone =
                new ArrayList<>(longs(c, "SELECT party_id FROM report_victim_fact WHERE case_id = ?", caseId));
        gone.removeAll(present);
        if (!gone.isEmpty()) {
            forget(c, gone);
        }
    }

    /** The parties' base rows are gone: their victim facts and counts leave, with their runaway and care facts. */
    private static void forget(Connection c, List<Long> partyIds) throws SQLException {
        RebuildGuard.enter(c);
        VictimCounts.forget(c, partyIds);
        for (String table : List.of("report_runaway_fact", "report_care_fact")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE victim_id = ?")) {
                for (long partyId : partyIds) {
                    s.setLong(1, partyId);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private record Victim(
            long caseId,
            String municipality,
            String unit,
            String district,
            String office,
            LocalDate openedOn,
            String origin,
            String team,
            AgeGroup ageGroup,
            String channel,
            Integer estimatedClients) {}

    /** Writes the victim's fact and returns it as measure 4 counts it. */
    private static VictimCounts.Fact writeVictim(Connection c, long partyId, Victim v, String forms)
            throws SQLException {
        AangifteSummary a = new AangifteSummary();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT e.type, e.psychologist_advised, r.code FROM aangifte_event e "
                        + "LEFT JOIN aangifte_reason r ON r.event_id = e.id WHERE e.victim_id = ? LOCK IN SHARE MODE")) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    a.add(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        }
        String vulnerabilities = String.join(
                ",", codes(c, "SELECT code FROM victim_vulnerability WHERE party_id = ? LOCK IN SHARE MODE", partyId));
        VictimCounts.Fact fact = new VictimCounts.Fact(
                List.of(
                        v.municipality,
                        v.unit,
                        v.district,
                        v.office,
                        v.openedOn.getYear(),
                        quarter(v.openedOn),
                        v.origin,
                        v.team,
                        forms,
                        v.ageGroup.name()),
                a.made,
                a.declined,
                a.hearing(),
                v.channel == null ? "UNKNOWN" : v.channel,
                String.join(",", a.reasons),
                vulnerabilities);
        try (PreparedStatement s = c.prepareStatement(UPSERT_VICTIM)) {
            s.setLong(1, partyId);
            s.setLong(2, v.caseId);
            int i = dims(s, 3, v, v.openedOn, forms);
            s.setBoolean(i, fact.made());
            s.setBoolean(i + 1, fact.declined());
            s.setString(i + 2, fact.hearing());
            s.setString(i + 3, fact.channel());
            s.setString(i + 4, fact.reasons());
            s.setString(i + 5, fact.vulnerabilities());
            s.setObject(i + 6, v.estimatedClients, java.sql.Types.INTEGER);
            s.executeUpdate();
        }
        return fact;
    }

    private static void writeRunaways(Connection c, long victimId, Victim v, String forms) throws SQLException {
        writeChildren(
                c,
                "SELECT id, institution_type, missing_since, reported_on, found_on, victimised_during "
                        + "FROM runaway_episode WHERE victim_id = ? LOCK IN SHARE MODE",
                UPSERT_RUNAWAY,
                "report_runaway_fact",
                "episode_id",
                victimId,
                v,
                forms,
                (rs, s, i) -> {
                    s.setString(i, rs.getString(2));
                    s.setDate(i + 1, rs.getDate(3));
                    s.setDate(i + 2, rs.getDate(4));
                    s.setDate(i + 3, rs.getDate(5));
                    s.setBoolean(i + 4, rs.getBoolean(6)); // unknown counts as not victimised
                });
    }

    private static void writeReferrals(Connection c, long victimId, Victim v, String forms) throws SQLException {
        writeChildren(
                c,
                "SELECT id, care_type, referred_on, started_on FROM care_referral WHERE victim_id = ? LOCK IN SHARE MODE",
                UPSERT_CARE,
                "report_care_fact",
                "referral_id",
                victimId,
                v,
                forms,
                (rs, s, i) -> {
                    s.setString(i, rs.getString(2));
                    s.setDate(i + 1, rs.getDate(3));
                    s.setDate(i + 2, rs.getDate(4));
                });
    }

    /** The columns a child row adds after its dimensions: from the read's column 2 on. */
    @FunctionalInterface
    private interface ChildColumns {
        void copy(ResultSet rs, PreparedStatement s, int from) throws SQLException;
    }

    /**
     * A victim's episodes or referrals: each read row (id first, its period date third) becomes a fact
     * row with the victim's dimensions; facts of rows that are gone are removed.
     */
    private static void writeChildren(
            Connection c,
            String readSql,
            String upsertSql,
            String table,
            String key,
            long victimId,
            Victim v,
            String forms,
            ChildColumns columns)
            throws SQLException {
        Set<Long> present = new HashSet<>();
        try (PreparedStatement read = c.prepareStatement(readSql);
                PreparedStatement s = c.prepareStatement(upsertSql)) {
            read.setLong(1, victimId);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getLong(1));
                    s.setLong(1, rs.getLong(1));
                    s.setLong(2, victimId);
                    columns.copy(rs, s, dims(s, 3, v, date(rs, 3), forms));
                    s.addBatch();
                }
            }
            if (!present.isEmpty()) {
                s.executeBatch();
            }
        }
        removeVanished(c, table, key, victimId, present);
    }

    private static void removeVanished(Connection c, String table, String key, long victimId, Set<Long> present)
            throws SQLException {
        for (long id : longs(c, "SELECT " + key + " FROM " + table + " WHERE victim_id = ?", victimId)) {
            if (!present.contains(id)) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + key + " = ?")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
            }
        }
    }

    /** Region and case dimensions, the period of {@code periodDate}, and the age group. */
    private static int dims(PreparedStatement s, int from, Victim v, LocalDate periodDate, String forms)
            throws SQLException {
        s.setString(from, v.municipality);
        s.setString(from + 1, v.unit);
        s.setString(from + 2, v.district);
        s.setString(from + 3, v.office);
        s.setInt(from + 4, periodDate.getYear());
        s.setInt(from + 5, quarter(periodDate));
        s.setString(from + 6, v.origin);
        s.setString(from + 7, v.team);
        s.setString(from + 8, forms);
        s.setString(from + 9, v.ageGroup.name());
        return from + 10;
    }

    private static int quarter(LocalDate d) {
        return (d.getMonthValue() - 1) / 3 + 1;
    }

    /** Sorted as Java sorts strings, like the case forms of {@link CaseFacts}. */
    private static List<String> codes(Connection c, String sql, long id) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        codes.sort(null);
        return codes;
    }

    private static List<Long> longs(Connection c, String sql, long id) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /**
     * A victim's aangifte history as the reports count it: ever made an aangifte (a later withdrawal
     * does not undo that it was made), ever declined (with the union of reasons), and the hearing:
     * NO_HEARING without an informatory interview or aangifte, else the recherchepsycholoog's advice
     * over all hearings (NONE, BEFORE, DURING, BEFORE_AND_DURING).
     */
    static final class AangifteSummary {
        boolean made;
        boolean declined;
        boolean heard;
        boolean before;
        boolean during;
        final Set<String> reasons = new TreeSet<>();

        void add(String type, String advice, String reason) {
            made |= type.equals("AANGIFTE_MADE");
            if (type.equals("DECLINED")) {
                declined = true;
                if (reason != null) {
                    reasons.add(reason);
                }
            }
            if (type.equals("AANGIFTE_MADE") || type.equals("INFORMATORY_INTERVIEW")) {
                heard = true;
                before |= advice.equals("BEFORE") || advice.equals("BEFORE_AND_DURING");
                during |= advice.equals("DURING") || advice.equals("BEFORE_AND_DURING");
            }
        }

        String hearing() {
            if (!heard) {
                return "NO_HEARING";
            }
            return before && during ? "BEFORE_AND_DURING" : before ? "BEFORE" : during ? "DURING" : "NONE";
        }
    }
}
