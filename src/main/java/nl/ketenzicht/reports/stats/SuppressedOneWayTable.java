package nl.ketenzicht.reports.stats;

import java.util.List;

/** A one-way table (e.g. cases per origin) with its total, after suppression. */
public record SuppressedOneWayTable(List<Cell> cells, Cell total) {

    public SuppressedOneWayTable {
        cells = List.copyOf(cells);
    }

    public Cell cell(int index) {
        return cells.get(index);
    }
}
