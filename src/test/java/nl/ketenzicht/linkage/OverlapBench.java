package nl.ketenzicht.linkage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.linkage.mse.CaptureTable;
import nl.ketenzicht.linkage.mse.MseEstimator;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.linkage.mse.Options;
import nl.ketenzicht.security.OrganisationType;
import org.flywaydb.core.Flyway;

/**
 * Benchmark behind bench/mse.sh: migrates a scratch database, bulk-loads generated registrations
 * with JDBC batches (keys and person ids computed as the application does) and builds the maintained
 * overlap counts from them, then times the overlap table from those counts against the raw baseline
 * (grouping every registration by person), and the estimate with 6 lists, stepwise selection and
 * both intervals, printing the machine's load with the figures.
 * Arguments: JDBC URL, migration user, password, number of registrations, application user.
 */
final class OverlapBench {

    static final List<OrganisationType> TYPES = List.of(
            OrganisationType.POLICE,
            OrganisationType.CARE,
            OrganisationType.YOUTH_CARE,
            OrganisationType.NATIONAL,
            OrganisationType.KMAR,
            OrganisationType.INSPECTORATE);
    static final double[] P = {0.3, 0.25, 0.2, 0.15, 0.1, 0.08};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int wanted = Integer.parseInt(args[3]);
        Flyway.configure()
                .dataSource(url, args[1], args[2])
                .locations("filesystem:sql")
                .placeholders(Map.of("appGrantee", "'" + args[4] + "'@'%'"))
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url + "?rewriteBatchedStatements=true", args[1], args[2])) {
            int persons = (int) (wanted / (Arrays.stream(P).sum() * 1.1));
            long t0 = System.nanoTime();
            var population = new SyntheticRegistrations(42, 0.2).generate(persons, P, 2023, 10);
            long[] truth = population.trueCountsByHistory();
            if (rows(c) == 0) { // bench/mse.sh --reuse keeps the database of the previous run
                int loaded = load(c, population.registrations());
                System.out.printf(
                        Locale.ROOT,
                        "loaded %,d registrations of %,d persons (%,d observed) in %.1f s%n",
                        loaded,
                        persons,
                        Arrays.stream(truth).sum(),
                        (System.nanoTime() - t0) / 1e9);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE TABLE registration");
                }
            } else {
                System.out.printf(Locale.ROOT, "reusing %,d registrations%n", rows(c));
            }
            if (countRows(c) == 0) {
                c.setAutoCommit(false);
                buildCounts(c);
            }
            time(c, truth);
        }
    }

    private static void time(Connection c, long[] truth) throws Exception {
        List<ListSpec> lists = TYPES.stream()
                .map(t -> new ListSpec(t.name(), t.name(), t, null))
                .toList();
        int[] year = {2023, 0};
        System.out.println("machine: " + uptime());
        long[] scanned = null;
        long[] maintained = null;
        List<Double> scan = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            scanned = query(c, lists, null);
            scan.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            maintained = OverlapRepository.maintainedHistories(c, lists, year, null);
            read.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
                Locale.ROOT,
                "overlap table, national, 6 lists, 1 year: maintained counts runs %s ms (equals truth: %s);"
                        + " raw baseline, grouping the registrations by person: runs %s ms (equals truth: %s)%n",
                fmt(read),
                Arrays.equals(maintained, truth),
                fmt(scan),
                Arrays.equals(scanned, truth));
        scan.clear();
        read.clear();
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            scanned = query(c, lists, "AMS");
            scan.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            maintained = OverlapRepository.maintainedHistories(c, lists, year, "AMS");
            read.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
                Locale.ROOT,
                "overlap table, one police unit: maintained runs %s ms; raw baseline runs %s ms; equal: %s%n",
                fmt(read),
                fmt(scan),
                Arrays.equals(maintained, scanned));
        MseEstimator estimator = new MseEstimator();
        List<Double> ms = new ArrayList<>();
        MseResult r = null;
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            long[] counts = OverlapRepository.maintainedHistories(c, lists, year, null);
            r = estimator.estimate(
                    CaptureTable.fromHistoryCounts(
                            TYPES.stream().map(Enum::name).toList(), counts),
                    new Options(0.02, 1000, 1));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
                Locale.ROOT,
                "estimate in process (maintained counts + main effects + stepwise %s + BCa B=1000): runs %s ms;"
                        + " N=%.0f CI [%.0f, %.0f] BCa [%.0f, %.0f]%n",
                r.stepwise().terms(),
                fmt(ms),
                r.stepwise().populationSize(),
                r.stepwise().ci().lower(),
                r.stepwise().ci().upper(),
                r.bca().ci().lower(),
                r.bca().ci().upper());
        System.out.println("machine: " + uptime());
    }

    /** The maintained counts over bulk-loaded registrations (the application keeps them per registration). */
    private static void buildCounts(Connection c) throws Exception {
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM overlap_count");
            s.executeUpdate("DELETE FROM registration_count");
            s.executeUpdate(OverlapCounts.personsSql("", 1));
            s.executeUpdate(OverlapCounts.registrationsSql("", 1));
        }
        c.commit();
        System.out.printf(
                Locale.ROOT,
                "maintained counts built from the registrations in %.1f s%n",
                (System.nanoTime() - t) / 1e9);
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip() + " (load averages 1, 5, 15 min; 2 cores)";
        } catch (Exception e) {
            return "load unknown";
        }
    }

    private static long rows(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM registration")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countRows(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM overlap_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String fmt(List<Double> ms) {
        return ms.stream()
                .map(m -> String.format(Locale.ROOT, "%.0f", m))
                .toList()
                .toString();
    }

    static long[] query(Connection c, List<ListSpec> lists, String unit) throws Exception {
        long[] counts = new long[1 << lists.size()];
        try (PreparedStatement s = c.prepareStatement(OverlapRepository.historySql(lists, unit != null))) {
            int p = 1;
            for (ListSpec l : lists) {
                s.setObject(p++, l.parameter());
            }
            s.setDate(p++, Date.valueOf("2023-01-01"));
            s.setDate(p++, Date.valueOf("2023-12-31"));
            if (unit != null) {
                s.setString(p++, unit);
            }
            for (ListSpec l : lists) {
                s.setObject(p++, l.parameter());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        return counts;
    }

    private static int load(Connection c, List<SyntheticRegistrations.Registration> registrations) throws Exception {
        long[] orgs = organisations(c);
        List<String[]> places = places(c);
        Keyer keyer = new Keyer(KeyerTest.SECRET);
        Linker linker = new Linker();
        c.setAutoCommit(false);
        long firstId;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM registration")) {
            rs.next();
            firstId = rs.getLong(1);
        }
        String sql =
                "INSERT INTO registration (id, organisation_id, organisation_type, registered_on, municipality_code, police_unit, "
                        + "key_full, key_no_first_name, key_no_family_name, key_birth_year, person_id, match_quality, version, created_at, created_by) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,'bench')";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            // Person ids need the final partition, so link everything first (as the application would have, one by
            // one).
            List<LinkageKeys> keys = new ArrayList<>(registrations.size());
            List<String> quality = new ArrayList<>(registrations.size());
            for (var r : registrations) {
                LinkageKeys k = keyer.keysOf(r.identity());
                keys.add(k);
                quality.add(linker.add(k).map(Enum::name).orElse(Registration.NEW_PERSON));
            }
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < registrations.size(); i++) {
                var r = registrations.get(i);
                String[] place = places.get(r.unit() % places.size());
                LinkageKeys k = keys.get(i);
                int p = 1;
                s.setLong(p++, firstId + i);
                s.setLong(p++, orgs[r.list()]);
                s.setString(p++, TYPES.get(r.list()).name());
                s.setDate(p++, Date.valueOf(r.registeredOn()));
                s.setString(p++, place[0]);
                s.setString(p++, place[1]);
                for (KeyVariant v : KeyVariant.values()) {
                    s.setString(p++, k.get(v));
                }
                s.setLong(p++, firstId + linker.person(i));
                s.setString(p++, quality.get(i));
                s.setTimestamp(p, now);
                s.addBatch();
                if (i % 5000 == 4999) {
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            c.commit();
        }
        return registrations.size();
    }

    private static long[] organisations(Connection c) throws Exception {
        long[] ids = new long[TYPES.size()];
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO organisation (code, name, type, created_at) VALUES (?,?,?,NOW(3))",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < ids.length; i++) {
                s.setString(1, "BENCH-" + TYPES.get(i) + "-" + System.nanoTime() % 100000);
                s.setString(2, "Bench " + TYPES.get(i));
                s.setString(3, TYPES.get(i).name());
                s.executeUpdate();
                try (ResultSet rs = s.getGeneratedKeys()) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** One municipality per police unit: [cbs code, police unit]. */
    private static List<String[]> places(Connection c) throws Exception {
        List<String[]> places = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT MIN(cbs_code), police_unit FROM ref_municipality GROUP BY police_unit ORDER BY police_unit")) {
            while (rs.next()) {
                places.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return places;
    }
}
