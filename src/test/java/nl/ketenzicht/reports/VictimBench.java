package nl.ketenzicht.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;

/**
 * Measure 4 in the reports benchmark (bench/reports.sh victims; not a test): the report along the
 * service's path from the counters (sum of counter rows, suppression, rates, JSON) against the two
 * GROUP BYs over report_victim_fact that the report ran before, on the same data. The old figure is
 * the queries alone, so the ratio flatters the old path; their cells are compared with the counters
 * (at the municipality level per municipality, all of them).
 */
final class VictimBench {

    private static final String OLD_BY_AGE =
            "SELECT %s, age_group, hearing, channel, COUNT(*), SUM(aangifte_made), SUM(declined) "
                    + "FROM report_victim_fact%s GROUP BY 1, 2, 3, 4";
    private static final String OLD_BY_SETS =
            "SELECT %s, vulnerabilities, reasons, COUNT(*) FROM report_victim_fact%s GROUP BY 1, 2, 3";
    private static final List<String> CUTS = List.of(
            "", "year=2022", "from=2019-Q1&to=2020-Q4&form=SEXUAL&ageGroup=AGE_12_15", "level=MUNICIPALITY&unit=AMS");

    private VictimBench() {}

    static void run(Connection c) throws Exception {
        long t = System.nanoTime();
        c.setAutoCommit(false);
        AggregateRebuild.rebuildVictimCounts(c);
        c.commit();
        c.setAutoCommit(true);
        System.out.printf(
                "rebuild of the measure-4 counters from the victim facts: %.1f s; %s%n",
                (System.nanoTime() - t) / 1e9,
                ReportBench.scalar(
                        c,
                        "SELECT CONCAT((SELECT COUNT(*) FROM case_file), ' cases, ', (SELECT COUNT(*) FROM report_victim_fact), "
                                + "' victim facts, ', (SELECT COUNT(*) FROM report_victim_count), ' measure-4 counter rows')"));
        ObjectMapper json = new ObjectMapper();
        for (String query : CUTS) {
            VictimCut cut = VictimCut.parse(parse(query));
            List<ReportViews.RegionRef> regions = cut.byMunicipality()
                    ? RegionDirectory.municipalities(c, cut.municipalitiesOf())
                    : RegionDirectory.regions(c, cut.base().level());
            Set<String> visible = new LinkedHashSet<>();
            regions.stream()
                    .map(ReportViews.RegionRef::code)
                    .filter(code -> !code.equals(RegionDirectory.REST))
                    .forEach(visible::add);
            double[] report = ReportBench.time(
                    9, () -> json.writeValueAsBytes(new VictimMeasures(c, cut, regions, visible, 5).victims()));
            Map<String, Long> old = new TreeMap<>();
            double[] scan = ReportBench.time(5, () -> {
                old.clear();
                scan(c, cut, old);
            });
            old.values().removeIf(n -> n == 0);
            boolean equal = old.equals(counters(c, cut));
            System.out.printf(
                    "measure 4 [%s]: report from counters median %.1f ms (min %.1f, max %.1f; 9 runs) | old GROUP BYs over "
                            + "report_victim_fact median %.1f ms (min %.1f, max %.1f; 5 runs) | ratio %.4f | %d cells %s%n",
                    query.isEmpty() ? "all police units, all years" : query,
                    ReportBench.median(report),
                    report[0],
                    report[8],
                    ReportBench.median(scan),
                    scan[0],
                    scan[4],
                    ReportBench.median(report) / ReportBench.median(scan),
                    old.size(),
                    equal ? "all equal" : "DIFFERENT");
        }
    }

    /** The cells the old queries gave: per region, age group, hearing, channel, marker and reason. */
    private static void scan(Connection c, VictimCut cut, Map<String, Long> cells) throws Exception {
        read(c, OLD_BY_AGE, cut, rs -> {
            String r = rs.getString(1);
            cell(cells, r + "|AGE|" + rs.getString(2), rs.getLong(5), rs.getLong(6), rs.getLong(7));
            if (!rs.getString(3).equals("NO_HEARING")) { // never counted by the report
                cell(cells, r + "|HEARING|" + rs.getString(3), rs.getLong(5), rs.getLong(6), 0);
            }
            cell(cells, r + "|CHANNEL|" + rs.getString(4), rs.getLong(5), 0, 0);
        });
        read(c, OLD_BY_SETS, cut, rs -> {
            String r = rs.getString(1);
            for (String m : rs.getString(2).isEmpty()
                    ? new String[] {"NONE"}
                    : rs.getString(2).split(",")) {
                cell(cells, r + "|MARKER|" + m, rs.getLong(4), 0, 0);
            }
            for (String reason :
                    rs.getString(3).isEmpty() ? new String[0] : rs.getString(3).split(",")) {
                cell(cells, r + "|REASON|" + reason, rs.getLong(4), 0, 0);
            }
        });
    }

    /** The same cells from the counters: each column is a cell (heard_made_X adds to the HEARING cell's aangifte made). */
    private static Map<String, Long> counters(Connection c, VictimCut cut) throws Exception {
        List<String> columns = new ArrayList<>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM report_victim_count LIMIT 0")) {
            for (int i = 11; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase());
            }
        }
        String sums = String.join(
                ", ", columns.stream().map(col -> "SUM(" + col + ")").toList());
        String level = cut.byMunicipality() ? " AND municipality <> ''" : " AND municipality = ''";
        Map<String, Long> cells = new TreeMap<>();
        read(c, "SELECT %s, age_group, " + sums + " FROM report_victim_count%s" + level + " GROUP BY 1, 2", cut, rs -> {
            String r = rs.getString(1);
            cell(cells, r + "|AGE|" + rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            for (int i = 3; i < columns.size(); i++) {
                String col = columns.get(i);
                long n = rs.getLong(3 + i);
                if (col.startsWith("heard_made_")) {
                    cell(cells, r + "|HEARING|" + col.substring(11).toUpperCase(), 0, n, 0);
                } else {
                    String breakdown = col.substring(0, col.indexOf('_')).toUpperCase();
                    cell(
                            cells,
                            r + "|" + (breakdown.equals("HEARD") ? "HEARING" : breakdown) + "|"
                                    + col.substring(col.indexOf('_') + 1).toUpperCase(),
                            n,
                            0,
                            0);
                }
            }
        });
        cells.values().removeIf(n -> n == 0);
        return cells;
    }

    private static void cell(Map<String, Long> cells, String key, long victims, long made, long declined) {
        cells.merge(key + "|victims", victims, Long::sum);
        cells.merge(key + "|made", made, Long::sum);
        cells.merge(key + "|declined", declined, Long::sum);
    }

    private interface Rows {
        void read(ResultSet rs) throws Exception;
    }

    private static void read(Connection c, String template, VictimCut cut, Rows rows) throws Exception {
        List<Object> params = new ArrayList<>();
        StringBuilder where = cut.base().where(params);
        if (cut.ageGroup() != null) {
            where.append(" AND age_group = ?");
            params.add(cut.ageGroup().name());
        }
        try (PreparedStatement s = c.prepareStatement(String.format(template, cut.regionColumn(), where))) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.read(rs);
                }
            }
        }
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> q = new HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                q.put(pair.substring(0, pair.indexOf('=')), List.of(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        return q;
    }
}
