package nl.ketenzicht.reports;

import nl.ketenzicht.reports.aggregates.AggregateMaintenance;

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

/**
 * Write cost of keeping the aggregates: single-case transactions (case, form, victim, suspect with
 * an IN_VIEW step) over raw JDBC, with and without {@link AggregateMaintenance#refresh} in the same
 * transaction, alternating rounds so that table growth and neighbours' load hit both modes alike.
 */
final class WriteBench {

    private static final int THREADS = 8;
    /** Transactions rolled back by a deadlock or lock wait timeout (retried, not counted as done). */
    static final AtomicLong DEADLOCKS = new AtomicLong();
    private static final int SECONDS = 15;
    private static final String[] ORIGINS = {"AANGIFTE", "AMBTSHALVE", "SIGNAL", "DIGITAL", "DECOY"};

    private WriteBench() {
    }

    static void run(String url, String user, String password) throws Exception {
        List<String[]> places = places(url, user, password);
        long org;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            org = Long.parseLong(ReportBench.scalar(c, "SELECT MIN(id) FROM organisation"));
        }
        double[] without = new double[2];
        double[] with = new double[2];
        for (int round = 0; round < 2; round++) {
            without[round] = rate(url, user, password, places, org, false);
            with[round] = rate(url, user, password, places, org, true);
            System.out.printf("round %d: %.0f cases/s without, %.0f cases/s with aggregate maintenance%n", round + 1, without[round], with[round]);
        }
        double a = (without[0] + without[1]) / 2;
        double b = (with[0] + with[1]) / 2;
        System.out.printf("case creation, %d threads: %.0f/s without, %.0f/s with; ratio %.2f; rolled back by deadlocks: %d%n",
                THREADS, a, b, b / a, DEADLOCKS.get());
    }

    private static double rate(String url, String user, String password, List<String[]> places, long org, boolean maintain) throws Exception {
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
                            oneCase(c, places, org, maintain);
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

    private static void oneCase(Connection c, List<String[]> places, long org, boolean maintain) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String[] place = places.get(r.nextInt(places.size()));
        long caseId;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_file (owner_organisation_id, municipality_code, police_unit, "
                + "court_district, prosecution_office, opened_on, origin, team_type, suspect_count, network, status, version, created_at, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'AVIM', 1, FALSE, 'OPEN', 1, NOW(3), 'bench')", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, org);
            for (int i = 0; i < 4; i++) {
                s.setString(2 + i, place[i]);
            }
            s.setDate(6, java.sql.Date.valueOf(java.time.LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28))));
            s.setString(7, ORIGINS[r.nextInt(ORIGINS.length)]);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                caseId = keys.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO case_exploitation_form (case_id, code) VALUES (" + caseId + ", 'SEXUAL')");
            s.executeUpdate("INSERT INTO party (case_id, kind, gender, version, created_at) VALUES (" + caseId + ", 'VICTIM', 'FEMALE', 1, NOW(3))");
            s.executeUpdate("INSERT INTO party (case_id, kind, gender, version, created_at) VALUES (" + caseId + ", 'SUSPECT', 'MALE', 1, NOW(3))",
                    Statement.RETURN_GENERATED_KEYS);
            long suspect;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                suspect = keys.getLong(1);
            }
            s.executeUpdate("INSERT INTO chain_event (party_id, stage, occurred_on, created_at) VALUES (" + suspect + ", 'IN_VIEW', CURDATE(), NOW(3))");
        }
        if (maintain) {
            AggregateMaintenance.refresh(c, caseId);
        }
        c.commit();
    }

    private static List<String[]> places(String url, String user, String password) throws Exception {
        List<String[]> places = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.cbs_code, m.police_unit, m.court_district, d.prosecution_office "
                     + "FROM ref_municipality m JOIN ref_court_district d ON d.code = m.court_district")) {
            while (rs.next()) {
                places.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return places;
    }
}
