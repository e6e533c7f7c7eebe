package nl.ketenzicht.reports.stats;

import java.util.HashMap;
import java.util.Map;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Margins;

/**
 * A two-way table gathered from its base rows, for tables whose categories or regions split a base row
 * (an age group, an outcome or a municipality splits a report_funnel row's cases). A cell's key is then
 * not the join of its parts' keys: a total's base row holds the records of all its parts, and its key
 * must be the one any other table gives the same records. So every cell and margin first adds up its
 * records per base row, then keys them ({@link Key#row}).
 */
public final class KeyedTable {

    private final int rows;
    private final int columns;
    private final Map<Long, Long>[] cells;
    private final Map<Long, Long>[] rowSums;
    private final Map<Long, Long>[] columnSums;
    private final Map<Long, Long> grand = new HashMap<>();

    @SuppressWarnings("unchecked")
    public KeyedTable(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.cells = new Map[rows * columns];
        this.rowSums = new Map[rows];
        this.columnSums = new Map[columns];
    }

    /** Adds m records (m may be negative: REST is the nation less the listed regions) of base row {@code rowKey}. */
    public void add(int row, int column, long rowKey, long m) {
        if (m == 0) {
            return;
        }
        merge(cells, row * columns + column, rowKey, m);
        merge(rowSums, row, rowKey, m);
        merge(columnSums, column, rowKey, m);
        grand.merge(rowKey, m, Long::sum);
    }

    /** The table with every cell and margin perturbed by the key of its own records. */
    public SuppressedTwoWayTable publish() {
        long[][] counts = new long[rows][columns];
        Key[][] keys = new Key[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Map<Long, Long> cell = cells[r * columns + c];
                counts[r][c] = count(cell);
                keys[r][c] = key(cell);
            }
        }
        Key[] rowKeys = new Key[rows];
        for (int r = 0; r < rows; r++) {
            rowKeys[r] = key(rowSums[r]);
        }
        Key[] columnKeys = new Key[columns];
        for (int c = 0; c < columns; c++) {
            columnKeys[c] = key(columnSums[c]);
        }
        return CellKeyPerturbation.twoWay(counts, keys, new Margins(rowKeys, columnKeys, key(grand)));
    }

    private static void merge(Map<Long, Long>[] maps, int i, long rowKey, long m) {
        if (maps[i] == null) {
            maps[i] = new HashMap<>();
        }
        maps[i].merge(rowKey, m, Long::sum);
    }

    private static long count(Map<Long, Long> byRow) {
        return byRow == null
                ? 0
                : byRow.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Key key(Map<Long, Long> byRow) {
        Key key = Key.NONE;
        if (byRow != null) {
            for (Map.Entry<Long, Long> e : byRow.entrySet()) {
                key = key.plus(Key.row(e.getKey(), e.getValue()));
            }
        }
        return key;
    }
}
