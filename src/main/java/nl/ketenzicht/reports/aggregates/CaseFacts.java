package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.Region;

/**
 * Reads one case as the reports see it, from the base tables, in one statement. For a case that
 * others may change it is a locking read: under REPEATABLE READ a plain SELECT would see the
 * snapshot taken when the writer's transaction began and miss a chain step that another transaction
 * committed on another party of the same case. A case the transaction itself inserted is read plainly
 * (see {@link AggregateMaintenance#created}).
 */
final class CaseFacts {

    /** One row per party (one row with a NULL party for a case without parties). */
    private static final String CASE = "SELECT MAX(c.police_unit), MAX(c.court_district), MAX(c.prosecution_office), "
            + "MAX(YEAR(c.opened_on)), MAX(QUARTER(c.opened_on)), MAX(c.origin), MAX(c.team_type), "
            + "GROUP_CONCAT(DISTINCT f.code SEPARATOR ','), p.id, MAX(p.kind), "
            + "MAX(COALESCE(p.age_verification_at_issue, FALSE)), "
            + "MAX(CASE WHEN e.stage = 'IN_VIEW' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_INFLOW' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_DECISION' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_DECISION' THEN e.decision END), "
            + "MAX(CASE WHEN e.stage = 'VERDICT' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'VERDICT' THEN e.verdict END), "
            + "COALESCE(MAX(e.stage = 'SENTENCE' AND e.custody_unconditional_days > 0), FALSE), "
            + "MAX(c.closed_on), MAX(c.closing_reason) "
            + "FROM case_file c LEFT JOIN case_exploitation_form f ON f.case_id = c.id "
            + "LEFT JOIN party p ON p.case_id = c.id LEFT JOIN chain_event e ON e.party_id = p.id "
            + "WHERE c.id = ? GROUP BY p.id";

    private CaseFacts() {}

    /** The case's dimensions and parties; empty when the case does not exist (any more). */
    record Snapshot(CaseContribution.Dimensions dims, List<PartyChain> parties) {}

    static Optional<Snapshot> read(Connection c, long caseId, boolean locking) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(locking ? CASE + " LOCK IN SHARE MODE" : CASE)) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                CaseContribution.Dimensions dims = null;
                List<PartyChain> parties = new ArrayList<>();
                while (rs.next()) {
                    if (dims == null) {
                        dims = new CaseContribution.Dimensions(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                rs.getString(6),
                                rs.getString(7),
                                forms(rs.getString(8)));
                    }
                    long partyId = rs.getLong(9);
                    if (!rs.wasNull()) {
                        parties.add(new PartyChain(
                                partyId,
                                rs.getString(10),
                                rs.getBoolean(11),
                                date(rs, 12),
                                date(rs, 13),
                                date(rs, 14),
                                rs.getString(15),
                                date(rs, 16),
                                rs.getString(17),
                                rs.getBoolean(18),
                                date(rs, 19),
                                rs.getString(20)));
                    }
                }
                return dims == null ? Optional.empty() : Optional.of(new Snapshot(dims, parties));
            }
        }
    }

    /**
     * A case this transaction has just inserted, as its entity holds it: no parties yet, and the same
     * dimensions the statement above would read back (forms sorted alike: the entity keeps a TreeSet).
     */
    static Snapshot ofNew(Case c) {
        Region r = c.region();
        LocalDate opened = c.openedOn();
        return new Snapshot(
                new CaseContribution.Dimensions(
                        r.policeUnit(),
                        r.courtDistrict(),
                        r.prosecutionOffice(),
                        opened.getYear(),
                        (opened.getMonthValue() + 2) / 3,
                        c.origin().name(),
                        c.teamType() == null ? null : c.teamType().name(),
                        String.join(",", c.exploitationForms())),
                List.of());
    }

    /** Sorted by code as Java sorts strings, which the rebuild reproduces with a binary ORDER BY. */
    private static String forms(String concatenated) {
        if (concatenated == null) {
            return "";
        }
        String[] codes = concatenated.split(",");
        Arrays.sort(codes);
        return String.join(",", codes);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
