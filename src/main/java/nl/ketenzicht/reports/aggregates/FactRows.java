package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the fact rows of one case: its stored contribution and its parties' dated stages. */
final class FactRows {

    private static final List<String> FACT_COUNTS =
            CaseContribution.COLUMNS.subList(1, CaseContribution.COLUMNS.size());
    private static final String INSERT_FACT = "INSERT INTO report_case_fact (case_id, police_unit, court_district, "
            + "prosecution_office, year, quarter, origin, team_type, forms, " + String.join(", ", FACT_COUNTS)
            + ") VALUES (" + "?, ".repeat(8 + FACT_COUNTS.size()) + "?)";
    private static final String INSERT_NEW_FACT = INSERT_FACT.replaceFirst("^INSERT", "INSERT IGNORE");
    private static final String UPSERT_FACT = INSERT_FACT + " ON DUPLICATE KEY UPDATE "
            + "police_unit = VALUES(police_unit), court_district = VALUES(court_district), "
            + "prosecution_office = VALUES(prosecution_office), year = VALUES(year), quarter = VALUES(quarter), "
            + "origin = VALUES(origin), team_type = VALUES(team_type), forms = VALUES(forms), "
            + FACT_COUNTS.stream().map(col -> col + " = VALUES(" + col + ")").collect(Collectors.joining(", "));
    private static final String INSERT_PARTY = "INSERT INTO report_party_fact (party_id, case_id, kind, police_unit, "
            + "court_district, prosecution_office, year, quarter, origin, team_type, forms, in_view_on, om_inflow_on, "
            + "decision_on, decision, verdict_on, case_closed_on, case_closing_reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
            + "police_unit = VALUES(police_unit), court_district = VALUES(court_district), prosecution_office = VALUES(prosecution_office), "
            + "year = VALUES(year), quarter = VALUES(quarter), origin = VALUES(origin), team_type = VALUES(team_type), "
            + "forms = VALUES(forms), in_view_on = VALUES(in_view_on), om_inflow_on = VALUES(om_inflow_on), "
            + "decision_on = VALUES(decision_on), decision = VALUES(decision), verdict_on = VALUES(verdict_on), "
            + "case_closed_on = VALUES(case_closed_on), case_closing_reason = VALUES(case_closing_reason)";

    private FactRows() {}

    /** Writes the fact of a case that has none yet; false (and nothing written) when it has one. */
    static boolean insertIfNew(Connection c, long caseId, CaseContribution contribution) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_NEW_FACT)) {
            bindFact(s, caseId, contribution);
            return s.executeUpdate() == 1;
        }
    }

    /** Replaces the case's fact with its contribution, or removes it when the case is gone. */
    static void write(Connection c, long caseId, Optional<CaseContribution> contribution) throws SQLException {
        if (contribution.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM report_case_fact WHERE case_id = ?")) {
                s.setLong(1, caseId);
                s.executeUpdate();
            }
            return;
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT_FACT)) {
            bindFact(s, caseId, contribution.get());
            s.executeUpdate();
        }
    }

    /**
     * Party facts are upserted by primary key and never range-deleted (see {@link AggregateMaintenance}):
     * parties are never deleted through the API; a purge removes their facts by party id ({@link #forgetParties}).
     * One multi-row statement (rewriteBatchedStatements) whatever the number of parties.
     */
    static void writeParties(Connection c, long caseId, CaseContribution.Dimensions d, List<PartyChain> parties)
            throws SQLException {
        List<PartyChain> offenders =
                parties.stream().filter(p -> !"VICTIM".equals(p.kind())).toList();
        if (offenders.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_PARTY)) {
            for (PartyChain p : offenders) {
                s.setLong(1, p.partyId());
                s.setLong(2, caseId);
                s.setString(3, p.kind());
                int next = dims(s, 4, d);
                date(s, next, p.inViewOn());
                date(s, next + 1, p.omInflowOn());
                date(s, next + 2, p.decisionOn());
                s.setString(next + 3, p.decision());
                date(s, next + 4, p.verdictOn());
                date(s, next + 5, p.caseClosedOn());
                s.setString(next + 6, p.caseClosingReason());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A purge: the case's base rows are gone, so are its parties' facts (deleted by primary key). */
    static void forgetParties(Connection c, long caseId) throws SQLException {
        List<Long> parties = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT party_id FROM report_party_fact WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parties.add(rs.getLong(1));
                }
            }
        }
        if (parties.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_party_fact WHERE party_id = ?")) {
            for (long partyId : parties) {
                s.setLong(1, partyId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bindFact(PreparedStatement s, long caseId, CaseContribution contribution) throws SQLException {
        s.setLong(1, caseId);
        int next = dims(s, 2, contribution.dims());
        for (int i = 1; i < CaseContribution.COLUMNS.size(); i++) {
            s.setLong(next++, contribution.counts()[i]);
        }
    }

    private static int dims(PreparedStatement s, int from, CaseContribution.Dimensions d) throws SQLException {
        s.setString(from, d.policeUnit());
        s.setString(from + 1, d.courtDistrict());
        s.setString(from + 2, d.prosecutionOffice());
        s.setInt(from + 3, d.year());
        s.setInt(from + 4, d.quarter());
        s.setString(from + 5, d.origin());
        s.setString(from + 6, d.teamType());
        s.setString(from + 7, d.forms());
        return from + 8;
    }

    private static void date(PreparedStatement s, int index, LocalDate date) throws SQLException {
        s.setDate(index, date == null ? null : Date.valueOf(date));
    }
}
