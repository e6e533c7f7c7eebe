package nl.ketenzicht.reports.stats;

import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.RegionalReportBuilder;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportRows;
import nl.ketenzicht.reports.ReportViews;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import org.junit.jupiter.api.Test;

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
 * Acceptance 3 on the published report itself: an attacker who reads every published cell of a
 * report table (regions × categories with all margins) and knows the table's additive equations
 * cannot pin down any suppressed cell, by differencing rows, columns or totals; no published count
 * lies in 1..k-1, on screen or in the export rows.
 */
class ReportSuppressionTest {

    private static final List<RegionRef> REGIONS = IntStream.range(0, 7).mapToObj(i -> new RegionRef("R" + i, "Regio " + i)).toList();
    private static final Set<String> ALL = REGIONS.stream().map(RegionRef::code).collect(Collectors.toSet());

    @Test
    void noSuppressedCellOfAnyReportTableCanBeRecovered() {
        Random random = new Random(7);
        int attacked = 0;
        for (int round = 0; round < 30; round++) {
            for (Measure measure : Measure.values()) {
                int k = round % 2 == 0 ? 5 : 10;
                Map<String, Map<String, long[]>> counts = randomCounts(random, measure);
                var report = new RegionalReportBuilder(measure, REGIONS, ALL, k).build(ReportRequest.parse(Map.of()), counts);
                for (int m = 0; m < measure.metrics().size(); m++) {
                    attacked += attack(truth(counts, measure, m), report.tables().get(m), k);
                }
                for (ReportRows.Row row : ReportRows.of(report)) {
                    if (row.kind().equals("count") && !row.value().startsWith("<")) {
                        long n = Long.parseLong(row.value());
                        assertFalse(n >= 1 && n < k, "exported count in 1..k-1: " + row);
                    }
                }
            }
        }
        assertTrue(attacked > 100, "the random tables must contain suppressed cells to attack: " + attacked);
    }

    private static Map<String, Map<String, long[]>> randomCounts(Random random, Measure measure) {
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        for (RegionRef r : REGIONS) {
            for (String c : measure.categories()) {
                long[] values = new long[measure.metrics().size()];
                // The first two counters are free; each later one is a subset of the one before (a chain stage).
                for (int m = 0; m < values.length; m++) {
                    values[m] = m >= 2 ? (long) (random.nextDouble() * (values[m - 1] + 1))
                            : random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 1 + random.nextInt(9) : random.nextInt(60);
                }
                counts.computeIfAbsent(r.code(), x -> new HashMap<>()).put(c, values);
            }
        }
        return counts;
    }

    private static long[][] truth(Map<String, Map<String, long[]>> counts, Measure measure, int metric) {
        long[][] grid = new long[REGIONS.size()][measure.categories().size()];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                grid[r][c] = counts.get(REGIONS.get(r).code()).get(measure.categories().get(c))[metric];
            }
        }
        return grid;
    }

    /** Lays the published table out as the attacker's positions and tries every withheld one. */
    private static int attack(long[][] counts, ReportViews.CountTable table, int k) {
        long[] truth = SuppressionInvariants.withMargins(counts);
        int columns = counts[0].length;
        boolean[] withheld = new boolean[truth.length];
        List<CountRow> rows = new java.util.ArrayList<>(table.rows());
        rows.add(table.national());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c <= columns; c++) {
                var cell = c < columns ? rows.get(r).cells().get(c) : rows.get(r).total();
                int position = r * (columns + 1) + c;
                withheld[position] = cell.value() == null;
                if (cell.value() != null) {
                    assertEquals(truth[position], cell.value(), "published value at " + position);
                    assertFalse(truth[position] >= 1 && truth[position] < k, "small count published at " + position);
                } else {
                    assertEquals("<" + k, cell.display());
                }
            }
        }
        var attacker = new LinearProgrammingAttacker(truth, withheld, LinearProgrammingAttacker.twoWayEquations(counts.length, columns));
        int attacked = 0;
        for (int i = 0; i < truth.length; i++) {
            if (withheld[i]) {
                assertTrue(attacker.canBe(i, truth[i] - 1) && attacker.canBe(i, truth[i] + 1),
                        "suppressed value " + truth[i] + " at " + i + " of " + table.metric() + " can be narrowed down");
                attacked++;
            }
        }
        return attacked;
    }
}
