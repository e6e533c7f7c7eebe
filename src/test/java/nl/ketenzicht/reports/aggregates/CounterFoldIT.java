package nl.ketenzicht.reports.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.ketenzicht.reports.FunnelCounts;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counter deltas that writers append and the folding of them into report_funnel: a reader sums
 * both and must see every committed change exactly once, before, during and after a fold. Runs beside
 * the deployed application (whose own folder runs every second), on counter rows of a police unit
 * that exists nowhere else; the deployment only makes sure the schema is migrated.
 */
@ExtendWith(ArquillianExtension.class)
class CounterFoldIT {

    private final String unit = "F"
            + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 34), 36)
                    .toUpperCase();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @AfterEach
    void removeTheTestRows() throws SQLException {
        try (Connection c = Db.connect()) {
            for (String table : List.of("report_funnel", "report_funnel_delta")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE police_unit = ?")) {
                    s.setString(1, unit);
                    s.executeUpdate();
                }
            }
        }
    }

    /** What a report reads for this unit: per origin the counts, sums of keys and earliest arrivals of cases and victims. */
    private List<String> published(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        FunnelCounts.read(
                c,
                "police_unit, origin",
                List.of("cases", "victims"),
                " WHERE police_unit = ?",
                List.of(unit),
                (rs, counted) -> out.add(rs.getString(2) + "|" + counted.counts()[0] + "|" + counted.counts()[1] + "|"
                        + counted.keys()[0].sum() + "|" + counted.keys()[1].sum() + "|" + counted.keys()[0].earliest()
                        + "|"
                        + counted.keys()[1].earliest()));
        out.sort(null);
        return out;
    }

    @Test
    void aReaderCountsUnfoldedDeltasAndAFoldChangesNoTotal() throws SQLException {
        var aangifte = contribution("AANGIFTE", 1, 2);
        var decoy = contribution("DECOY", 1, 2);
        try (Connection c = Db.connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            try {
                Counters.move(c, Optional.empty(), Optional.of(aangifte));
                Counters.move(c, Optional.empty(), Optional.of(aangifte));
                Counters.move(c, Optional.of(aangifte), Optional.of(decoy));
                assertEquals(
                        List.of("AANGIFTE|1|2|", "DECOY|1|2|"),
                        current(c),
                        "one case in each origin, as the deltas say");
                assertEquals(4, deltas(c), "a revision appends (minus the old, plus the new), it updates nothing");
                List<String> pending = published(c);

                assertTrue(Counters.fold(c, 1000) >= 4, "the folder takes this transaction's own deltas");
                assertEquals(
                        pending,
                        published(c),
                        "a report keys each counter row by its net records, deltas pending or folded");
                assertTrue(
                        pending.get(0).matches("AANGIFTE\\|1\\|2\\|\\d+\\|\\d+\\|[0-9.E-]+\\|[0-9.E-]+"),
                        pending.toString());
                assertEquals(0, deltas(c));
                assertEquals(List.of("AANGIFTE|1|2|", "DECOY|1|2|"), current(c), "folding changes no total");
                assertEquals(
                        List.of("AANGIFTE|1|2|", "DECOY|1|2|"),
                        CounterCheck.rows(
                                c,
                                "SELECT origin, cases, victims " + "FROM report_funnel WHERE police_unit = '" + unit
                                        + "' ORDER BY origin"),
                        "all of it is in the counters now");
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Writers append deltas to one counter row (the contended case: one region, quarter and origin)
     * while two folders fold small batches and a reader keeps reading. Every read lies between the
     * changes committed before it started and those begun before it ended; at the end every change is
     * in the counters once and no delta is left.
     */
    @Test
    void concurrentWritersFoldersAndReadersNeitherLoseNorDoubleACount() throws Exception {
        int writers = 6;
        int perWriter = 120;
        var one = contribution("AMBTSHALVE", 1, 1);
        AtomicLong begun = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> wrongReads = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(pool.submit(() -> {
                    try (Connection c = Db.connect()) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < perWriter; i++) {
                            begun.incrementAndGet();
                            Counters.move(c, Optional.empty(), Optional.of(one));
                            c.commit();
                            committed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> others = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                others.add(pool.submit(() -> {
                    try (Connection c = Db.connect()) {
                        while (writing.get()) {
                            Counters.foldAll(c, 7);
                        }
                    }
                    return null;
                }));
            }
            others.add(pool.submit(() -> {
                int reads = 0;
                try (Connection c = Db.connect()) {
                    while (writing.get()) {
                        long low = committed.get();
                        long seen = cases(c);
                        long high = begun.get();
                        reads++;
                        if (seen < low || seen > high) {
                            wrongReads.add(seen + " not in [" + low + ", " + high + "]");
                        }
                    }
                }
                return reads;
            }));
            for (Future<?> f : writes) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : others) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                0,
                wrongReads.size(),
                "every read counts each committed change once: "
                        + wrongReads.stream().limit(5).toList());
        try (Connection c = Db.connect()) {
            // The application's own folder may hold some deltas (skipped here) until it commits them.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do {
                Counters.foldAll(c, 1000);
            } while (deltas(c) > 0 && System.nanoTime() < until);
            assertEquals(writers * perWriter, cases(c));
            assertEquals(
                    List.of("AMBTSHALVE|" + writers * perWriter + "|" + writers * perWriter + "|"),
                    CounterCheck.rows(
                            c, "SELECT origin, cases, victims FROM report_funnel WHERE police_unit = '" + unit + "'"));
            assertEquals(0, deltas(c), "no delta is left behind");
        }
    }

    private CaseContribution contribution(String origin, long cases, long victims) {
        long[] counts = new long[CaseContribution.COLUMNS.size()];
        counts[0] = cases;
        counts[1] = victims;
        return new CaseContribution(
                new CaseContribution.Dimensions(unit, "AMS", "AP-AMS", 1999, 2, origin, "AVIM", "SEXUAL"), counts);
    }

    /** Origin, cases and victims of the test unit, as a reader sees them. */
    private List<String> current(Connection c) throws SQLException {
        return CounterCheck.rows(
                c,
                "SELECT origin, SUM(cases), SUM(victims) FROM "
                        + Counters.current("origin, cases, victims", " WHERE police_unit = '" + unit + "'")
                        + " f GROUP BY origin HAVING SUM(cases) <> 0 ORDER BY origin");
    }

    private long cases(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(cases), 0) FROM " + Counters.current("cases", " WHERE police_unit = ?") + " f")) {
            s.setString(1, unit);
            s.setString(2, unit);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long deltas(Connection c) throws SQLException {
        return CounterCheck.rows(c, "SELECT id FROM report_funnel_delta WHERE police_unit = '" + unit + "'")
                .size();
    }
}
