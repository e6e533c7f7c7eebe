package nl.ketenzicht.reports.stats;

import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.RegionalReportBuilder;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportRows;
import nl.ketenzicht.reports.ReportViews;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published report of measures 1 and 2 on random counters with random cell keys: every published
 * count, margins included, is exactly the perturbation of its true value and key computed here
 * independently (margins: the sum of the cells' values and keys), so the same cases always get the
 * same figure; no count in 1..k-1 is published, on screen or in the export rows; rates never exceed 1.
 */
class ReportPerturbationTest {

    private static final List<RegionRef> REGIONS = IntStream.range(0, 7).mapToObj(i -> new RegionRef("R" + i, "Regio " + i)).toList();
    private static final Set<String> ALL = REGIONS.stream().map(RegionRef::code).collect(Collectors.toSet());
    private static final int K = CellKeyPerturbation.K;

    @Test
    void everyPublishedCountIsThePerturbationOfItsTruthAndKey() {
        Random random = new Random(7);
        int small = 0;
        for (int round = 0; round < 30; round++) {
            for (Measure measure : Measure.values()) {
                Map<String, Map<String, long[]>> counts = randomCounts(random, measure);
                var report = new RegionalReportBuilder(measure, REGIONS, ALL, K).build(ReportRequest.parse(Map.of()), counts);
                int metrics = measure.metrics().size();
                for (int m = 0; m < metrics; m++) {
                    small += check(grid(counts, measure, m), grid(counts, measure, metrics + m), report.tables().get(m));
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
                var again = new RegionalReportBuilder(measure, REGIONS, ALL, K).build(ReportRequest.parse(Map.of()), counts);
                assertEquals(report, again, "the same counters give the same report");
            }
        }
        assertTrue(small > 100, "the random tables must contain small counts: " + small);
    }

    private static Map<String, Map<String, long[]>> randomCounts(Random random, Measure measure) {
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        int metrics = measure.metrics().size();
        for (RegionRef r : REGIONS) {
            for (String c : measure.categories()) {
                long[] values = new long[2 * metrics];
                // The first two counters are free; each later one is a subset of the one before (a chain stage).
                for (int m = 0; m < metrics; m++) {
                    values[m] = m >= 2 ? (long) (random.nextDouble() * (values[m - 1] + 1))
                            : random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 1 + random.nextInt(9) : random.nextInt(60);
                    values[metrics + m] = values[m] == 0 ? 0 : random.nextLong() >>> 20; // sums of count × tk: wider than 32 bits
                }
                counts.computeIfAbsent(r.code(), x -> new HashMap<>()).put(c, values);
            }
        }
        return counts;
    }

    private static long[][] grid(Map<String, Map<String, long[]>> counts, Measure measure, int index) {
        long[][] grid = new long[REGIONS.size()][measure.categories().size()];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                grid[r][c] = counts.get(REGIONS.get(r).code()).get(measure.categories().get(c))[index];
            }
        }
        return grid;
    }

    /** Compares each published position with the perturbation of its truth; returns how many truths were in 1..k-1. */
    private static int check(long[][] truth, long[][] keys, ReportViews.CountTable table) {
        int rows = truth.length;
        int columns = truth[0].length;
        List<CountRow> published = new ArrayList<>(table.rows());
        published.add(table.national());
        int small = 0;
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                long t = 0;
                long key = 0;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        if ((r == rows || r == i) && (c == columns || c == j)) {
                            t += truth[i][j];
                            key += keys[i][j];
                        }
                    }
                }
                var cell = c < columns ? published.get(r).cells().get(c) : published.get(r).total();
                assertEquals(CellKeyPerturbation.publish(t, key), cell.value(), "published value at row " + r + ", column " + c);
                small += t >= 1 && t < K ? 1 : 0;
            }
        }
        return small;
    }
}
