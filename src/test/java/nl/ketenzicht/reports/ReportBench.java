package nl.ketenzicht.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.bench.Sequential;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;

/**
 * The reports benchmark (bench/reports.sh; not a test). Reads: the regional comparison of measures
 * 1 and 2 over all police units and ten years along the service's own path (counters, suppression,
 * rates, funnel plot, JSON), against the equivalent raw GROUP BY over the base tables in the same
 * run. Victims: measure 4, see {@link VictimBench}. Writes: see {@link WriteBench}. Arguments: jdbc-url
 * user password [phase...].
 */
public final class ReportBench {

    static final String RAW_DEPENDENCY = "SELECT c.police_unit, c.origin, COUNT(DISTINCT c.id), "
            + "COUNT(DISTINCT IF(x.iv, x.id, NULL)), COUNT(DISTINCT IF(x.om, x.id, NULL)), COUNT(DISTINCT IF(x.su, x.id, NULL)), "
            + "COUNT(DISTINCT IF(x.co, x.id, NULL)), COUNT(DISTINCT IF(x.cu, x.id, NULL)) FROM case_file c "
            + "LEFT JOIN (SELECT p.id, p.case_id, MAX(e.stage = 'IN_VIEW') iv, MAX(e.stage = 'OM_INFLOW') om, "
            + "MAX(e.decision = 'SUMMONS') su, MAX(e.verdict = 'CONVICTION') co, MAX(e.custody_unconditional_days > 0) cu "
            + "FROM party p JOIN chain_event e ON e.party_id = p.id WHERE p.kind = 'SUSPECT' GROUP BY p.id) x ON x.case_id = c.id "
            + "GROUP BY c.police_unit, c.origin";
    static final String RAW_CLIENTS = "SELECT c.police_unit, c.team_type, COUNT(IF(p.kind = 'VICTIM', 1, NULL)), "
            + "COUNT(IF(p.kind = 'CLIENT', 1, NULL)), SUM(p.kind = 'CLIENT' AND EXISTS (SELECT 1 FROM chain_event e WHERE e.party_id = p.id AND e.stage = 'OM_INFLOW')), "
            + "SUM(p.kind = 'CLIENT' AND EXISTS (SELECT 1 FROM chain_event e WHERE e.party_id = p.id AND e.decision = 'SUMMONS')), "
            + "SUM(p.kind = 'CLIENT' AND EXISTS (SELECT 1 FROM chain_event e WHERE e.party_id = p.id AND e.verdict = 'CONVICTION')), "
            + "SUM(p.kind = 'CLIENT' AND EXISTS (SELECT 1 FROM chain_event e WHERE e.party_id = p.id AND e.custody_unconditional_days > 0)), "
            + "SUM(p.kind = 'CLIENT' AND p.age_verification_at_issue) "
            + "FROM case_file c JOIN party p ON p.case_id = c.id GROUP BY c.police_unit, c.team_type";

    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        List<String> phases =
                args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("rebuild", "reads", "writes");
        if (phases.contains("migrate")) {
            org.flywaydb.core.Flyway.configure()
                    .dataSource(args[0], args[1], args[2])
                    .locations("filesystem:sql")
                    .placeholders(java.util.Map.of(
                            "appGrantee",
                            "'" + System.getProperty("bench.app", "ketenzicht_bench_reports_app") + "'@'%'"))
                    .load()
                    .migrate();
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (phases.contains("rebuild")) {
                long t = System.nanoTime();
                c.setAutoCommit(false);
                AggregateRebuild.run(c);
                c.commit();
                c.setAutoCommit(true);
                System.out.printf(
                        "rebuild of all aggregates from the base tables: %.1f s%n", (System.nanoTime() - t) / 1e9);
                System.out.println(
                        scalar(
                                c,
                                "SELECT CONCAT((SELECT COUNT(*) FROM case_file), ' cases, ', (SELECT COUNT(*) FROM party), ' parties, ', "
                                        + "(SELECT COUNT(*) FROM chain_event), ' chain events, ', (SELECT COUNT(*) FROM report_funnel), ' counter rows')"));
            }
            if (phases.contains("reads")) {
                reads(c);
            }
            if (phases.contains("service")) {
                service(c);
            }
            if (phases.contains("victims")) {
                VictimBench.run(c);
            }
        }
        if (phases.contains("writes")) {
            WriteBench.run(args[0], args[1], args[2]);
        }
    }

    /**
     * The raw queries take minutes on a shared 2-core machine, so each runs once (CPU-bound: cold
     * and warm differ by ~10% per perf-baseline); the reports run 1 + 9 times. The raw result of
     * measure 1 is compared cell by cell with the counters.
     */
    private static void reads(Connection c) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ReportRequest all = ReportRequest.parse(java.util.Map.of());
        for (Measure m : Measure.values()) {
            double[] report = time(9, () -> json.writeValueAsBytes(serviceReport(c, m, all)));
            long t = System.nanoTime();
            var raw = rows(c, m == Measure.DEPENDENCY ? RAW_DEPENDENCY : RAW_CLIENTS);
            double rawMs = (System.nanoTime() - t) / 1e6;
            System.out.printf(
                    "%s all regions x 10 years: report median %.1f ms (min %.1f, max %.1f) | raw GROUP BY %.0f ms "
                            + "(one run) | ratio %.5f%n",
                    m, median(report), report[0], report[report.length - 1], rawMs, median(report) / rawMs);
            if (m == Measure.DEPENDENCY) {
                var counters = rows(
                        c,
                        "SELECT police_unit, origin, SUM(cases), SUM(s_in_view), SUM(s_om_inflow), SUM(s_summons), "
                                + "SUM(s_conviction), SUM(s_custody) FROM report_funnel GROUP BY police_unit, origin HAVING SUM(cases) > 0");
                System.out.println("measure 1 cells, counters vs raw GROUP BY: " + counters.size() + " cells, "
                        + (counters.equals(raw) ? "all equal" : "DIFFERENT"));
            }
        }
    }

    /**
     * The service path of measures 1 and 2 (all police units, all years, to JSON bytes) warmed up and
     * timed as bench/report-http.sh times the same reports over HTTP, so the two compare: until three
     * 20 s slices agree within 5 %, then bench.requests (200) calls each in a row.
     */
    private static void service(Connection c) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ReportRequest all = ReportRequest.parse(java.util.Map.of("level", List.of("POLICE_UNIT")));
        Sequential.Call[] calls = java.util.stream.Stream.of(Measure.DEPENDENCY, Measure.CLIENTS)
                .map(m -> (Sequential.Call) () -> json.writeValueAsBytes(serviceReport(c, m, all)))
                .toArray(Sequential.Call[]::new);
        System.out.println("service path "
                + Sequential.warmUp(
                        Integer.getInteger("bench.warmup", 60),
                        Integer.getInteger("bench.warmup.max", 300),
                        Integer.getInteger("bench.warmup.slice", 20),
                        Double.parseDouble(System.getProperty("bench.warmup.tolerance", "0.05")),
                        calls)
                + "; load " + Sequential.load());
        int n = Integer.getInteger("bench.requests", 200);
        System.out.printf(
                "service path %-10s all police units x all years: %s; load %s%n",
                Measure.DEPENDENCY, Sequential.summary(Sequential.time(n, calls[0])), Sequential.load());
        System.out.printf(
                "service path %-10s all police units x all years: %s; load %s%n",
                Measure.CLIENTS, Sequential.summary(Sequential.time(n, calls[1])), Sequential.load());
    }

    static ReportViews.RegionalReport serviceReport(Connection c, Measure m, ReportRequest r) throws Exception {
        List<ReportViews.RegionRef> regions = RegionDirectory.regions(c, r.level());
        Set<String> visible = regions.stream().map(ReportViews.RegionRef::code).collect(Collectors.toSet());
        return new RegionalReportBuilder(m, regions, visible, 5).build(r, FunnelCounts.read(c, m, r));
    }

    private static java.util.Map<String, String> rows(Connection c, String sql) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 3; i <= n; i++) {
                    b.append(rs.getLong(i)).append(',');
                }
                out.put(rs.getString(1) + "/" + rs.getString(2), b.toString());
            }
        }
        return out;
    }

    interface Work {
        void run() throws Exception;
    }

    /** One untimed warm-up, then n timed runs, sorted, in ms. */
    static double[] time(int n, Work work) throws Exception {
        work.run();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
