package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The counters of report_funnel, kept in two parts: the folded counters and the deltas that writers
 * append (V1_12_0). A writer never updates a shared row, so concurrent case creations in one region and
 * quarter no longer queue for its lock. {@link #foldAll} moves deltas into the counters, one transaction
 * per batch, and {@link #current} gives readers the sum of both in one statement: exact at any moment,
 * since a fold adds and deletes in one commit.
 */
public final class Counters {

    /** The dimensions of a counter row: one row per combination in report_funnel. */
    public static final String DIMS =
            "police_unit, court_district, prosecution_office, year, quarter, origin, team_type, forms";

    static final String COLUMNS = DIMS + ", " + String.join(", ", CaseContribution.COLUMNS);
    /** A written row: the dimensions, the counts and the row's cell key (tk, see {@link CellKeys}). */
    private static final String ROW = "(" + "?, ".repeat(8 + CaseContribution.COLUMNS.size()) + "?)";

    private static final String APPEND = "INSERT INTO report_funnel_delta (" + COLUMNS + ", tk) VALUES ";
    private static final String ADD = "INSERT INTO report_funnel (" + COLUMNS + ", tk) VALUES ";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE "
            + CaseContribution.COLUMNS.stream()
                    .map(col -> col + " = " + col + " + VALUES(" + col + ")")
                    .collect(Collectors.joining(", "));
    /** Committed deltas not locked by a writer or another folder; those wait for the next round. */
    private static final String TAKE =
            "SELECT id, " + COLUMNS + " FROM report_funnel_delta ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final Comparator<CaseContribution.Dimensions> KEY_ORDER = Comparator.comparingInt(
                    CaseContribution.Dimensions::year)
            .thenComparingInt(CaseContribution.Dimensions::quarter)
            .thenComparing(CaseContribution.Dimensions::policeUnit)
            .thenComparing(CaseContribution.Dimensions::courtDistrict)
            .thenComparing(CaseContribution.Dimensions::prosecutionOffice)
            .thenComparing(CaseContribution.Dimensions::origin)
            .thenComparing(CaseContribution.Dimensions::teamType)
            .thenComparing(CaseContribution.Dimensions::forms);

    private Counters() {}

    /**
     * The rows of report_funnel as they stand, for a reader: {@code SELECT <columns> FROM} each part,
     * both filtered by {@code where} (its parameters are bound twice, see {@link #bindTwice}).
     */
    public static String current(String columns, CharSequence where) {
        return "(SELECT " + columns + " FROM report_funnel" + where + " UNION ALL SELECT " + columns
                + " FROM report_funnel_delta" + where + ")";
    }

    /** The parameters of a {@link #current} source, once for each of its parts. */
    public static List<Object> bindTwice(List<Object> params) {
        List<Object> both = new ArrayList<>(params);
        both.addAll(params);
        return both;
    }

    /** Records the move of a case's counts from its old contribution to its new one. */
    static void move(Connection c, Optional<CaseContribution> before, Optional<CaseContribution> after)
            throws SQLException {
        Map<CaseContribution.Dimensions, long[]> deltas = new LinkedHashMap<>();
        before.ifPresent(
                b -> deltas.put(b.dims(), Arrays.stream(b.counts()).map(n -> -n).toArray()));
        after.ifPresent(a -> add(deltas, a.dims(), a.counts()));
        deltas.values().removeIf(d -> Arrays.stream(d).allMatch(n -> n == 0));
        if (!deltas.isEmpty()) {
            write(c, APPEND, "", deltas);
        }
    }

    /**
     * Folds every delta committed so far into the counters, a batch per transaction, on a connection
     * that is not in a transaction; returns how many. READ COMMITTED: under REPEATABLE READ the locking
     * read would also lock the gap after the last delta, where every writer appends.
     */
    public static int foldAll(Connection c, int batch) throws SQLException {
        int isolation = c.getTransactionIsolation();
        boolean autoCommit = c.getAutoCommit();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(false);
        try {
            int total = 0;
            int folded;
            do {
                folded = fold(c, batch);
                c.commit();
                total += folded;
            } while (folded == batch);
            return total;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
            c.setTransactionIsolation(isolation);
        }
    }

    /** Folds up to {@code limit} deltas into the counters and deletes them; the caller commits. */
    static int fold(Connection c, int limit) throws SQLException {
        // In key order, so that two folders (two application instances) lock counter rows in one order.
        Map<CaseContribution.Dimensions, long[]> sums = new TreeMap<>(KEY_ORDER);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    var dims = new CaseContribution.Dimensions(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9));
                    long[] counts = new long[CaseContribution.COLUMNS.size()];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getLong(10 + i);
                    }
                    add(sums, dims, counts);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        write(c, ADD, ON_DUPLICATE, sums);
        // One point delete per delta: a DELETE ... IN (...) may scan the table, and its scan would wait
        // for (and deadlock with) the deltas that a writer or another folder has locked.
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_funnel_delta WHERE id = ?")) {
            for (long id : ids) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        return ids.size();
    }

    private static void add(
            Map<CaseContribution.Dimensions, long[]> sums, CaseContribution.Dimensions dims, long[] counts) {
        sums.merge(dims, counts.clone(), (old, more) -> {
            for (int i = 0; i < old.length; i++) {
                old[i] += more[i];
            }
            return old;
        });
    }

    private static void write(
            Connection c, String insert, String onDuplicate, Map<CaseContribution.Dimensions, long[]> rows)
            throws SQLException {
        String sql = insert + String.join(", ", Collections.nCopies(rows.size(), ROW)) + onDuplicate;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = 1;
            for (var e : rows.entrySet()) {
                CaseContribution.Dimensions d = e.getKey();
                s.setString(next++, d.policeUnit());
                s.setString(next++, d.courtDistrict());
                s.setString(next++, d.prosecutionOffice());
                s.setInt(next++, d.year());
                s.setInt(next++, d.quarter());
                s.setString(next++, d.origin());
                s.setString(next++, d.teamType());
                s.setString(next++, d.forms());
                for (long n : e.getValue()) {
                    s.setLong(next++, n);
                }
                s.setLong(next++, CellKeys.of(c, d));
            }
            s.executeUpdate();
        }
    }
}
