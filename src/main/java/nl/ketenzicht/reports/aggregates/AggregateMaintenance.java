package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps report_case_fact, report_party_fact and report_funnel equal to what the base tables say, for
 * one case, on the writer's connection and inside its transaction. The case's fact row is locked
 * first, so concurrent writers on one case take turns; the counters then move by the difference
 * between the stored and the recomputed contribution, which makes every refresh idempotent.
 *
 * <p>Every lock is taken on a row that exists: a new case first gets a placeholder fact (year 0,
 * "not counted yet") by INSERT IGNORE, and party facts are upserted by primary key. A locking read
 * of a missing row or a range delete would take gap locks, and concurrent case creations, whose ids
 * all fall in the same gap, would then deadlock each other (the write benchmark showed it).
 */
public final class AggregateMaintenance {

    private static final String PLACEHOLDER = "INSERT IGNORE INTO report_case_fact (case_id, police_unit, court_district, "
            + "prosecution_office, year, quarter, origin, team_type, forms, " + String.join(", ", CaseContribution.COLUMNS.subList(1, CaseContribution.COLUMNS.size()))
            + ") VALUES (?, '', '', '', 0, 0, '', '', ''" + ", 0".repeat(CaseContribution.COLUMNS.size() - 1) + ")";
    private static final String LOCK_FACT = "SELECT police_unit, court_district, prosecution_office, year, quarter, "
            + "origin, team_type, forms, " + String.join(", ", CaseContribution.COLUMNS.subList(1, CaseContribution.COLUMNS.size()))
            + " FROM report_case_fact WHERE case_id = ? FOR UPDATE";

    private AggregateMaintenance() {
    }

    /** Brings the aggregates of one case up to date with its base rows. */
    public static void refresh(Connection c, long caseId) throws SQLException {
        Optional<CaseContribution> before = stored(c, caseId);
        Optional<CaseContribution.Dimensions> dims = CaseFacts.dimensions(c, caseId);
        List<PartyChain> parties = dims.isPresent() ? CaseFacts.parties(c, caseId) : List.of();
        Optional<CaseContribution> after = dims.map(d -> contribution(d, parties));
        Counters.move(c, before, after);
        FactRows.write(c, caseId, after, parties);
    }

    static CaseContribution contribution(CaseContribution.Dimensions dims, List<PartyChain> parties) {
        long[] counts = new long[CaseContribution.COLUMNS.size()];
        counts[0] = 1;
        parties.forEach(p -> p.addTo(counts));
        return new CaseContribution(dims, counts);
    }

    private static Optional<CaseContribution> stored(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PLACEHOLDER)) {
            s.setLong(1, caseId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(LOCK_FACT)) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(4) == 0) {
                    return Optional.empty();
                }
                var dims = new CaseContribution.Dimensions(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8));
                long[] counts = new long[CaseContribution.COLUMNS.size()];
                counts[0] = 1;
                for (int i = 1; i < counts.length; i++) {
                    counts[i] = rs.getLong(8 + i);
                }
                return Optional.of(new CaseContribution(dims, counts));
            }
        }
    }
}
