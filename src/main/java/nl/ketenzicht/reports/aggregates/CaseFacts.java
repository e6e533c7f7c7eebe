package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one case as the reports see it, from the base tables. Every read is a locking read: under
 * REPEATABLE READ a plain SELECT would see the snapshot taken when the writer's transaction began
 * and miss a chain step that another transaction committed on another party of the same case.
 */
final class CaseFacts {

    private static final String CASE = "SELECT police_unit, court_district, prosecution_office, YEAR(opened_on), "
            + "QUARTER(opened_on), origin, team_type FROM case_file WHERE id = ? LOCK IN SHARE MODE";
    private static final String FORMS = "SELECT code FROM case_exploitation_form WHERE case_id = ? LOCK IN SHARE MODE";
    private static final String PARTIES = "SELECT p.id, p.kind, COALESCE(p.age_verification_at_issue, FALSE), "
            + "MAX(CASE WHEN e.stage = 'IN_VIEW' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_INFLOW' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_DECISION' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'OM_DECISION' THEN e.decision END), "
            + "MAX(CASE WHEN e.stage = 'VERDICT' THEN e.occurred_on END), "
            + "MAX(CASE WHEN e.stage = 'VERDICT' THEN e.verdict END), "
            + "COALESCE(MAX(e.stage = 'SENTENCE' AND e.custody_unconditional_days > 0), FALSE) "
            + "FROM party p LEFT JOIN chain_event e ON e.party_id = p.id WHERE p.case_id = ? "
            + "GROUP BY p.id, p.kind, p.age_verification_at_issue LOCK IN SHARE MODE";

    private CaseFacts() {
    }

    static Optional<CaseContribution.Dimensions> dimensions(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CASE)) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CaseContribution.Dimensions(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7), forms(c, caseId)));
            }
        }
    }

    /** Sorted by code as Java sorts strings, which the rebuild reproduces with a binary ORDER BY. */
    private static String forms(Connection c, long caseId) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FORMS)) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        codes.sort(null);
        return String.join(",", codes);
    }

    static List<PartyChain> parties(Connection c, long caseId) throws SQLException {
        List<PartyChain> parties = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(PARTIES)) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parties.add(new PartyChain(rs.getLong(1), rs.getString(2), rs.getBoolean(3), date(rs, 4), date(rs, 5),
                            date(rs, 6), rs.getString(7), date(rs, 8), rs.getString(9), rs.getBoolean(10)));
                }
            }
        }
        return parties;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
