package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.cases.Case;

/**
 * Keeps report_case_fact, report_party_fact and report_funnel equal to what the base tables say, for
 * one case, on the writer's connection and inside its transaction. The counters move by the
 * difference between the stored and the recomputed contribution, which makes every refresh
 * idempotent. Each step is one statement: one read of the case, one appended counter delta (see
 * {@link Counters}), one fact write, one party-fact batch.
 *
 * <p>Each entry point first takes its turn at the {@link RebuildGuard}, so a rebuild that swaps in new
 * report tables never loses a writer's change.
 *
 * <p>{@link #refresh}: the case's fact row is locked first, so concurrent writers on one case take
 * turns, and the base rows are then read with shared locks. Every lock on a fact is taken on a row
 * that exists: a case without one first gets a placeholder fact (year 0, "not counted yet") by
 * INSERT IGNORE; a locking read of a missing row would take a gap lock, and concurrent case
 * creations, whose ids all fall in the same gap, would then deadlock each other.
 *
 * <p>{@link #created}: a case inserted by the writer's own transaction needs no locks to be read
 * exactly. Until it commits nobody else can add to it (their foreign-key checks wait for its row),
 * and a plain read sees the transaction's own rows. The locking read would instead put next-key
 * locks at the tail of the party, chain-event and form indexes, where every concurrent creation
 * inserts: the write benchmark spent most of its lock waits there.
 */
final class AggregateMaintenance {

    private static final List<String> FACT_COUNTS =
            CaseContribution.COLUMNS.subList(1, CaseContribution.COLUMNS.size());
    private static final String PLACEHOLDER =
            "INSERT IGNORE INTO report_case_fact (case_id, police_unit, court_district, "
                    + "prosecution_office, year, quarter, origin, team_type, forms, " + String.join(", ", FACT_COUNTS)
                    + ") VALUES (?, '', '', '', 0, 0, '', '', ''" + ", 0".repeat(FACT_COUNTS.size()) + ")";
    private static final String LOCK_FACT =
            "SELECT police_unit, court_district, prosecution_office, year, quarter, " + "origin, team_type, forms, "
                    + String.join(", ", FACT_COUNTS) + " FROM report_case_fact WHERE case_id = ? FOR UPDATE";

    private AggregateMaintenance() {}

    /** Brings the aggregates of one case up to date with its base rows. */
    static void refresh(Connection c, long caseId) throws SQLException {
        RebuildGuard.enter(c);
        Optional<CaseContribution> before = stored(c, caseId);
        Optional<CaseFacts.Snapshot> now = CaseFacts.read(c, caseId, true);
        Optional<CaseContribution> after = now.map(s -> contribution(s.dims(), s.parties()));
        Counters.move(c, before, after);
        if (after.isEmpty() || !after.equals(before)) {
            FactRows.write(c, caseId, after);
        }
        if (after.isPresent()) {
            FactRows.writeParties(c, caseId, after.get().dims(), now.get().parties());
        } else {
            FactRows.forgetParties(c, caseId);
        }
    }

    /**
     * The same for a case that this transaction inserted (the caller's promise), without read locks;
     * falls back to {@link #refresh} when the case was counted before, e.g. by an earlier event of
     * the same transaction.
     */
    static void created(Connection c, long caseId) throws SQLException {
        RebuildGuard.enter(c);
        Optional<CaseFacts.Snapshot> now = CaseFacts.read(c, caseId, false);
        if (now.isEmpty() || !countNew(c, caseId, now.get())) {
            refresh(c, caseId);
        }
    }

    /** As above, for a case whose entity this transaction has just persisted: nothing is read back. */
    static void created(Connection c, Case fresh) throws SQLException {
        created(c, fresh.id(), CaseFacts.ofNew(fresh).dims());
    }

    /** As above, for a new case without parties whose dimensions the caller holds. */
    static void created(Connection c, long caseId, CaseContribution.Dimensions dims) throws SQLException {
        RebuildGuard.enter(c);
        if (!countNew(c, caseId, new CaseFacts.Snapshot(dims, List.of()))) {
            refresh(c, caseId);
        }
    }

    /** Counts a case that has no fact row yet; false (nothing done) when it has one. */
    private static boolean countNew(Connection c, long caseId, CaseFacts.Snapshot now) throws SQLException {
        CaseContribution after = contribution(now.dims(), now.parties());
        if (!FactRows.insertIfNew(c, caseId, after)) {
            return false;
        }
        Counters.move(c, Optional.empty(), Optional.of(after));
        FactRows.writeParties(c, caseId, after.dims(), now.parties());
        return true;
    }

    static CaseContribution contribution(CaseContribution.Dimensions dims, List<PartyChain> parties) {
        long[] counts = new long[CaseContribution.COLUMNS.size()];
        counts[0] = 1;
        parties.forEach(p -> p.addTo(counts));
        return new CaseContribution(dims, counts);
    }

    /** The contribution last counted, its fact row locked (a placeholder first if it has none). */
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
                var dims = new CaseContribution.Dimensions(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8));
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
