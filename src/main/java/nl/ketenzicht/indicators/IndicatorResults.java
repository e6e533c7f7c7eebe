package nl.ketenzicht.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.indicators.IndicatorRequests.ResultRow;
import nl.ketenzicht.indicators.IndicatorRequests.TargetView;
import nl.ketenzicht.reports.FunnelCounts;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

/**
 * Actual against target per police unit and year, and nationally. Each actual is the same counter
 * cell that the reports publish, perturbed by its cell key, so an indicator shows exactly the figure a
 * report shows for the same cases and adds nothing to difference against; "met" is decided on the
 * published actual.
 */
final class IndicatorResults {

    private IndicatorResults() {}

    static List<ResultRow> rows(
            List<String> units,
            Set<String> visible,
            int fromYear,
            int toYear,
            Map<String, Map<Integer, FunnelCounts.Counted>> actuals,
            List<TargetView> targets,
            int k) {
        int years = toYear - fromYear + 1;
        long[][] grid = new long[units.size()][years];
        Key[][] keys = new Key[units.size()][years];
        for (int u = 0; u < units.size(); u++) {
            Map<Integer, FunnelCounts.Counted> byYear = actuals.getOrDefault(units.get(u), Map.of());
            for (int y = 0; y < years; y++) {
                FunnelCounts.Counted actual = byYear.get(fromYear + y);
                grid[u][y] = actual == null ? 0 : actual.counts()[0];
                keys[u][y] = actual == null ? Key.NONE : actual.keys()[0];
            }
        }
        SuppressedTwoWayTable t = CellKeyPerturbation.twoWay(grid, keys);
        List<ResultRow> rows = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (visible.contains(units.get(u))) {
                for (int y = 0; y < years; y++) {
                    rows.add(row(
                            units.get(u), fromYear + y, t.cell(u, y), target(targets, units.get(u), fromYear + y), k));
                }
            }
        }
        for (int y = 0; y < years; y++) {
            rows.add(row("NL", fromYear + y, t.columnTotal(y), target(targets, null, fromYear + y), k));
        }
        return rows;
    }

    private static Long target(List<TargetView> targets, String unit, int year) {
        return targets.stream()
                .filter(t -> t.year() == year && java.util.Objects.equals(t.policeUnit(), unit))
                .map(TargetView::target)
                .findFirst()
                .orElse(null);
    }

    private static ResultRow row(String region, int year, Cell actual, Long target, int k) {
        Long value = actual instanceof Cell.Count c ? c.value() : null;
        Boolean met = value == null || target == null ? null : value >= target;
        return new ResultRow(region, year, value, value == null ? "x" : Long.toString(value), target, met);
    }
}
