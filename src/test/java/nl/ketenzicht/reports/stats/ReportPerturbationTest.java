package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.ketenzicht.reports.FunnelCounts;
import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.RegionalReportBuilder;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportRows;
import nl.ketenzicht.reports.ReportViews;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import org.junit.jupiter.api.Test;

/**
 * The published report of measures 1 and 2 on random counter rows with random keys: every published
 * count, margins included, is exactly the perturbation of its true value and the key of its rows computed
 * here independently (margins: all rows of their cells), so the same cases always get the same figure; no count in 1..k-1 is published, on screen or in the export rows; rates never exceed 1.
 */
class ReportPerturbationTest {

    private static final List<RegionRef> REGIONS = IntStream.range(0, 7)
            .mapToObj(i -> new RegionRef("R" + i, "Regio " + i))
            .toList();
    private static final Set<String> ALL = REGIONS.stream().map(RegionRef::code).collect(Collectors.toSet());
    private static final int K = CellKeyPerturbation.K;

    @Test
    void everyPublishedCountIsThePerturbationOfItsTruthAndKey() {
        Random random = new Random(7);
        int small = 0;
        for (int round = 0; round < 30; round++) {
            for (Measure measure : Measure.values()) {
                Map<String, Map<String, List<long[]>>> rows = randomRows(random, measure);
                Map<String, Map<String, FunnelCounts.Counted>> counts = counted(rows, measure);
                var report = new RegionalReportBuilder(measure, REGIONS, ALL, K)
                        .build(ReportRequest.parse(Map.of()), counts);
                for (int m = 0; m < measure.metrics().size(); m++) {
                    small += check(rows, measure, m, report.tables().get(m));
                }
                for (ReportRows.Row row : ReportRows.of(report)) {
                    if (row.kind().equals("count")) {
                        long n = Long.parseLong(row.value());
                        assertFalse(n >= 1 && n < K, "exported count in 1..k-1: " + row);
                    }
                    if (row.kind().equals("rate") && !row.value().isEmpty()) {
                        assertTrue(Double.parseDouble(row.value()) <= 1.0, "rate above 1: " + row);
                    }
                }
                var again = new RegionalReportBuilder(measure, REGIONS, ALL, K)
                        .build(ReportRequest.parse(Map.of()), counts);
                assertEquals(report, again, "the same counters give the same report");
            }
        }
        assertTrue(small > 100, "the random tables must contain small counts: " + small);
    }

    /**
     * Per region and category one to three counter rows: {tk, count of metric 0, count of metric 1, …}.
     * The first two counters are free; each later one is a subset of the one before (a chain stage).
     */
    private static Map<String, Map<String, List<long[]>>> randomRows(Random random, Measure measure) {
        Map<String, Map<String, List<long[]>>> rows = new HashMap<>();
        int metrics = measure.metrics().size();
        for (RegionRef r : REGIONS) {
            for (String c : measure.categories()) {
                List<long[]> cell = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    long[] row = new long[1 + metrics];
                    row[0] = random.nextLong() >>> 32;
                    for (int m = 0; m < metrics; m++) {
                        row[1 + m] = m >= 2
                                ? (long) (random.nextDouble() * (row[m] + 1))
                                : random.nextInt(4) == 0
                                        ? 0
                                        : random.nextInt(2) == 0 ? 1 + random.nextInt(3) : random.nextInt(25);
                    }
                    cell.add(row);
                }
                rows.computeIfAbsent(r.code(), x -> new HashMap<>()).put(c, cell);
            }
        }
        return rows;
    }

    /** What FunnelCounts reads for these rows. */
    private static Map<String, Map<String, FunnelCounts.Counted>> counted(
            Map<String, Map<String, List<long[]>>> rows, Measure measure) {
        Map<String, Map<String, FunnelCounts.Counted>> counts = new HashMap<>();
        int metrics = measure.metrics().size();
        rows.forEach((region, byCategory) -> byCategory.forEach((category, cell) -> {
            long[] n = new long[metrics];
            CellKeyPerturbation.Key[] keys = new CellKeyPerturbation.Key[metrics];
            for (int m = 0; m < metrics; m++) {
                n[m] = total(cell, m);
                keys[m] = key(cell, m);
            }
            counts.computeIfAbsent(region, x -> new HashMap<>()).put(category, new FunnelCounts.Counted(n, keys));
        }));
        return counts;
    }

    private static long total(List<long[]> rows, int metric) {
        return rows.stream().mapToLong(r -> r[1 + metric]).sum();
    }

    /**
     * The key of these rows' records, written from the README's definition: the sum of count × tk, and the
     * earliest arrival −ln(1 − u)/count over rows with records, u = (tk + ½)/2³².
     */
    private static CellKeyPerturbation.Key key(List<long[]> rows, int metric) {
        long sum = 0;
        double earliest = Double.POSITIVE_INFINITY;
        for (long[] r : rows) {
            long m = r[1 + metric];
            sum += m * r[0];
            if (m > 0) {
                earliest = Math.min(earliest, -Math.log(1 - (r[0] + 0.5) / 4294967296.0) / m);
            }
        }
        return new CellKeyPerturbation.Key(sum & 0xFFFF_FFFFL, earliest);
    }

    /** Compares each published position with the perturbation of its truth; returns how many truths were in 1..k-1. */
    private static int check(
            Map<String, Map<String, List<long[]>>> rows, Measure measure, int metric, ReportViews.CountTable table) {
        int regions = REGIONS.size();
        int columns = measure.categories().size();
        List<CountRow> published = new ArrayList<>(table.rows());
        published.add(table.national());
        int small = 0;
        for (int r = 0; r <= regions; r++) {
            for (int c = 0; c <= columns; c++) {
                List<long[]> in = new ArrayList<>();
                for (int i = 0; i < regions; i++) {
                    for (int j = 0; j < columns; j++) {
                        if ((r == regions || r == i) && (c == columns || c == j)) {
                            in.addAll(rows.get(REGIONS.get(i).code())
                                    .get(measure.categories().get(j)));
                        }
                    }
                }
                long t = total(in, metric);
                var cell = c < columns
                        ? published.get(r).cells().get(c)
                        : published.get(r).total();
                assertEquals(
                        CellKeyPerturbation.publish(t, key(in, metric)),
                        cell.value(),
                        "published value at row " + r + ", column " + c);
                small += t >= 1 && t < K ? 1 : 0;
            }
        }
        return small;
    }
}
