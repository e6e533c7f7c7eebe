package nl.ketenzicht.reports.stats;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Primary and secondary suppression on a two-way table with margins.
 *
 * <p>The table is held as an (R+1) x (C+1) grid: interior cells, the row totals as column C, the
 * column totals as row R and the grand total at (R, C). Every line of the grid is an additive
 * equation, so the margins are cells like any other. Read each grid position as an edge between
 * its row node and its column node. A suppressed value is then fixed by the published ones exactly
 * when its edge lies on no cycle of suppressed edges (a cut edge): summing rows and subtracting
 * columns isolates it. If it does lie on such a cycle, adding +1 and -1 alternately around the
 * cycle leaves every equation intact; because every suppressed value is at least 1 (zeros are
 * never chosen), both directions stay non-negative. So each suppressed value v is consistent with
 * the publication for at least v-1, v and v+1, even to an attacker using linear programming.
 *
 * <p>Secondary suppression repeats until every suppressed edge lies on a cycle (a fixed point).
 * For each unprotected edge it adds the cheapest path of non-zero cells that closes a cycle through
 * it. Already suppressed cells cost nothing, interior cells cost their count (the smallest counts
 * are lost first), and totals carry a penalty above any interior-only path, so they are used only
 * when nothing else works. This is a greedy heuristic, not a global optimum.
 */
final class CycleProtection {

    private final long[][] value;
    private final SuppressionReason[][] status;
    private final int rowNodes;
    private final int columnNodes;
    private final long totalPenalty;

    CycleProtection(long[][] grid) {
        this.value = grid;
        this.rowNodes = grid.length;
        this.columnNodes = grid[0].length;
        this.status = new SuppressionReason[rowNodes][columnNodes];
        long interiorSum = 0;
        for (int r = 0; r < rowNodes - 1; r++) {
            for (int c = 0; c < columnNodes - 1; c++) {
                interiorSum += grid[r][c];
            }
        }
        this.totalPenalty = interiorSum + 1;
    }

    /** Statuses per grid position after suppression; null means published. */
    SuppressionReason[][] protect(int k) {
        return protect(k, new boolean[rowNodes]);
    }

    /**
     * As {@link #protect(int)}, with the non-zero row totals (index rowNodes - 1: the grand total) of
     * {@code forcedTotals} withheld from the start, because another table publishing the same totals
     * withholds them; they are then protected like any withheld cell.
     */
    SuppressionReason[][] protect(int k, boolean[] forcedTotals) {
        for (int r = 0; r < rowNodes; r++) {
            for (int c = 0; c < columnNodes; c++) {
                if (value[r][c] >= 1 && value[r][c] < k) {
                    status[r][c] = SuppressionReason.PRIMARY;
                }
            }
            if (forcedTotals[r] && status[r][columnNodes - 1] == null && value[r][columnNodes - 1] > 0) {
                status[r][columnNodes - 1] = SuppressionReason.SECONDARY;
            }
        }
        for (int[] edge = unprotectedEdge(); edge != null; edge = unprotectedEdge()) {
            closeCycle(edge[0], edge[1]);
        }
        return status;
    }

    private int[] unprotectedEdge() {
        for (int r = 0; r < rowNodes; r++) {
            for (int c = 0; c < columnNodes; c++) {
                if (status[r][c] != null && !connectedWithout(r, c)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** Whether row node r reaches column node c over suppressed edges other than (r, c). */
    private boolean connectedWithout(int row, int column) {
        boolean[] seen = new boolean[rowNodes + columnNodes];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(row);
        seen[row] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next = 0; next < rowNodes + columnNodes; next++) {
                if (!seen[next] && isEdge(node, next) && !isCell(node, next, row, column)
                        && status[rowOf(node, next)][columnOf(node, next)] != null) {
                    if (next == rowNodes + column) {
                        return true;
                    }
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        return false;
    }

    /** Dijkstra from row node r to column node c without the edge (r, c); suppresses the path. */
    private void closeCycle(int row, int column) {
        int nodes = rowNodes + columnNodes;
        long[] distance = new long[nodes];
        int[] previous = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(distance, Long.MAX_VALUE);
        Arrays.fill(previous, -1);
        distance[row] = 0;
        for (int node = nearest(distance, done); node >= 0; node = nearest(distance, done)) {
            done[node] = true;
            for (int next = 0; next < nodes; next++) {
                long cost = edgeCost(node, next, row, column);
                if (!done[next] && cost >= 0 && distance[node] + cost < distance[next]) {
                    distance[next] = distance[node] + cost;
                    previous[next] = node;
                }
            }
        }
        suppressPath(previous, row, rowNodes + column);
    }

    private void suppressPath(int[] previous, int from, int to) {
        if (previous[to] < 0) {
            // Cannot happen: row total, grand total and column total always give a non-zero path.
            throw new IllegalStateException("no complementary cells for node " + to);
        }
        for (int node = to; node != from; node = previous[node]) {
            int r = rowOf(node, previous[node]);
            int c = columnOf(node, previous[node]);
            if (status[r][c] == null) {
                status[r][c] = SuppressionReason.SECONDARY;
            }
        }
    }

    private static int nearest(long[] distance, boolean[] done) {
        int best = -1;
        for (int i = 0; i < distance.length; i++) {
            if (!done[i] && distance[i] != Long.MAX_VALUE && (best < 0 || distance[i] < distance[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Cost of using the cell between two nodes, or -1 when it may not be used. */
    private long edgeCost(int a, int b, int row, int column) {
        if (!isEdge(a, b) || isCell(a, b, row, column)) {
            return -1;
        }
        int r = rowOf(a, b);
        int c = columnOf(a, b);
        if (status[r][c] != null) {
            return 0;
        }
        if (value[r][c] == 0) {
            return -1; // a zero can only grow, so it cannot carry a two-sided cycle
        }
        boolean total = r == rowNodes - 1 || c == columnNodes - 1;
        return total ? value[r][c] + totalPenalty : value[r][c];
    }

    private boolean isEdge(int a, int b) {
        return (a < rowNodes) != (b < rowNodes);
    }

    private boolean isCell(int a, int b, int row, int column) {
        return rowOf(a, b) == row && columnOf(a, b) == column;
    }

    private int rowOf(int a, int b) {
        return a < rowNodes ? a : b;
    }

    private int columnOf(int a, int b) {
        return (a < rowNodes ? b : a) - rowNodes;
    }
}
