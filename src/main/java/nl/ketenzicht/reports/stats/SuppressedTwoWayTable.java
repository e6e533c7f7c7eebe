package nl.ketenzicht.reports.stats;

import java.util.List;

/** A two-way table (rows = regions, columns = categories) with all margins, after suppression. */
public record SuppressedTwoWayTable(
        List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell grandTotal) {

    public SuppressedTwoWayTable {
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
    }

    public Cell cell(int row, int column) {
        return cells.get(row).get(column);
    }

    public Cell rowTotal(int row) {
        return rowTotals.get(row);
    }

    public Cell columnTotal(int column) {
        return columnTotals.get(column);
    }

    public int rows() {
        return rowTotals.size();
    }

    public int columns() {
        return columnTotals.size();
    }
}
