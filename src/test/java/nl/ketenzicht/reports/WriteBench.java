package nl.ketenzicht.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.ketenzicht.reports.aggregates.ReportAggregates;

/**
 * Write cost of keeping the aggregates: single-case transactions (case, form, victim, suspect with
 * an IN_VIEW step) over raw JDBC, without maintenance, with {@link ReportAggregates#created(java.sql.Connection, long)} (what
 * the application runs when it creates a case) and with the general {@link ReportAggregates#refresh(java.sql.Connection, long)}
 * (what it runs for any later change), in the same transaction; the modes alternate within every
 * round so that table growth and neighbours' load hit them alike. Rounds and seconds per mode:
 * -Dbench.rounds (2), -Dbench.seconds (15).
 */
final class WriteBench {

    private static final int THREADS = 8;
    /** Transactions rolled back by a deadlock or lock wait timeout (retried, not counted as done). */
    static final AtomicLong DEADLOCKS = new AtomicLong();

    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final String[] ORIGINS = {"AANGIFTE", "AMBTSHALVE", "SIGNAL", "DIGITAL", "DECOY"};

    private WriteBench() {}

    static void run(String url, String user, String password) throws Exception {
        List<String[]> places = places(url, user, password);
        long org;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            org = Long.parseLong(ReportBench.scalar(c, "SELECT MIN(id) FROM organisation"));
        }
        Mode[] modes = Mode.values();
        double[] sum = new double[modes.length];
        for (int round = 1; round <= ROUNDS; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Mode m : modes) {
                double rate = rate(url, user, password, places, org, m);
                sum[m.ordinal()] += rate;
                line.append(String.format(" %.0f cases/s %s;", rate, m.label));
            }
            System.out.println(line + " load average " + loadAverage());
        }
        double without = sum[Mode.NONE.ordinal()] / ROUNDS;
        for (Mode m : modes) {
            double rate = sum[m.ordinal()] / ROUNDS;
            System.out.printf(
                    "case creation, %d threads, %s: %.0f/s (ratio to without %.2f)%n",
                    THREADS, m.label, rate, rate / without);
        }
        System.out.printf("rolled back by deadlocks or lock wait timeouts: %d%n", DEADLOCKS.get());
    }

    /** What the bench transaction does about the aggregates. */
    enum Mode {
        NONE("without maintenance"),
        CREATED("with maintenance (created)"),
        REFRESH("with maintenance (general refresh)");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ", 2)[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double rate(String url, String user, String password, List<String[]> places, long org, Mode mode)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        try {
                            oneCase(c, places, org, mode);
                            if (measuring.get()) {
                                done.incrementAndGet();
                            }
                        } catch (java.sql.SQLTransactionRollbackException e) {
                            c.rollback();
                            DEADLOCKS.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(3000);
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        measuring.set(false);
        double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return rate;
    }

    private static void oneCase(Connection c, List<String[]> places, long org, Mode mode) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String[] place = places.get(r.nextInt(places.size()));
        long caseId;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO case_file (owner_organisation_id, municipality_code, police_unit, "
                        + "court_district, prosecution_office, opened_on, origin, team_type, suspect_count, network, status, version, created_at, "
                        + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'AVIM', 1, FALSE, 'OPEN', 1, NOW(3), 'bench')",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, org);
            for (int i = 0; i < 4; i++) {
                s.setString(2 + i, place[i]);
            }
            s.setDate(
                    6,
                    java.sql.Date.valueOf(
                            java.time.LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28))));
            s.setString(7, ORIGINS[r.nextInt(ORIGINS.length)]);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                caseId = keys.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO case_exploitation_form (case_id, code) VALUES (" + caseId + ", 'SEXUAL')");
            s.executeUpdate("INSERT INTO party (case_id, kind, gender, version, created_at) VALUES (" + caseId
                    + ", 'VICTIM', 'FEMALE', 1, NOW(3))");
            s.executeUpdate(
                    "INSERT INTO party (case_id, kind, gender, version, created_at) VALUES (" + caseId
                            + ", 'SUSPECT', 'MALE', 1, NOW(3))",
                    Statement.RETURN_GENERATED_KEYS);
            long suspect;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                suspect = keys.getLong(1);
            }
            s.executeUpdate("INSERT INTO chain_event (party_id, stage, occurred_on, created_at) VALUES (" + suspect
                    + ", 'IN_VIEW', CURDATE(), NOW(3))");
        }
        switch (mode) {
            case CREATED -> ReportAggregates.created(c, caseId);
            case REFRESH -> ReportAggregates.refresh(c, caseId);
            case NONE -> {}
        }
        c.commit();
    }

    private static List<String[]> places(String url, String user, String password) throws Exception {
        List<String[]> places = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT m.cbs_code, m.police_unit, m.court_district, d.prosecution_office "
                                + "FROM ref_municipality m JOIN ref_court_district d ON d.code = m.court_district")) {
            while (rs.next()) {
                places.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return places;
    }
}
