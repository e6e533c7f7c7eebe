package nl.ketenzicht.indicators;

import nl.ketenzicht.indicators.IndicatorRequests.ResultRow;
import nl.ketenzicht.indicators.IndicatorRequests.TargetView;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.SmallCellSuppression;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actual against target per police unit and year, and nationally. The actuals form a units × years
 * table that is suppressed as a whole (with margins) before a regional coordinator's rows are cut
 * out; "met" is decided only on a published actual.
 */
final class IndicatorResults {

    private IndicatorResults() {
    }

    static List<ResultRow> rows(List<String> units, Set<String> visible, int fromYear, int toYear,
                                Map<String, Map<Integer, Long>> actuals, List<TargetView> targets, int k) {
        int years = toYear - fromYear + 1;
        long[][] grid = new long[units.size()][years];
        for (int u = 0; u < units.size(); u++) {
            Map<Integer, Long> byYear = actuals.getOrDefault(units.get(u), Map.of());
            for (int y = 0; y < years; y++) {
                grid[u][y] = byYear.getOrDefault(fromYear + y, 0L);
            }
        }
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(grid, k);
        List<ResultRow> rows = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (visible.contains(units.get(u))) {
                for (int y = 0; y < years; y++) {
                    rows.add(row(units.get(u), fromYear + y, t.cell(u, y), target(targets, units.get(u), fromYear + y), k));
                }
            }
        }
        for (int y = 0; y < years; y++) {
            rows.add(row("NL", fromYear + y, t.columnTotal(y), target(targets, null, fromYear + y), k));
        }
        return rows;
    }

    private static Long target(List<TargetView> targets, String unit, int year) {
        return targets.stream().filter(t -> t.year() == year && java.util.Objects.equals(t.policeUnit(), unit))
                .map(TargetView::target).findFirst().orElse(null);
    }

    private static ResultRow row(String region, int year, Cell actual, Long target, int k) {
        Long value = actual instanceof Cell.Count c ? c.value() : null;
        Boolean met = value == null || target == null ? null : value >= target;
        return new ResultRow(region, year, value, value == null ? "<" + k : Long.toString(value), target, met);
    }
}
