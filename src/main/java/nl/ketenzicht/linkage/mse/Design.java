package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.List;

/**
 * Poisson log-linear design for one model: cells, 0/1 design matrix and counts.
 *
 * <p>A term whose two lists share no observed case has β = −∞: it leaves the design and every cell
 * covered by it is deleted (its fitted mean is 0), as in SparseMSE's {@code buildmodel}.
 *
 * @param cells  history of each row
 * @param x      rows = cells; columns = intercept, one per list, one per fitted term
 * @param y      observed count of each cell
 * @param fitted terms with a column in {@code x}
 * @param empty  terms with an empty overlap (rows deleted instead)
 */
record Design(int[] cells, double[][] x, double[] y, List<Term> fitted, List<Term> empty) {

    static Design build(CaptureTable table, List<Term> terms) {
        List<Term> fitted = new ArrayList<>();
        List<Term> empty = new ArrayList<>();
        for (Term term : terms) {
            (table.overlap(term.first(), term.second()) == 0 ? empty : fitted).add(term);
        }
        int[] cells = keptCells(table.historyCount(), empty);
        int t = table.listCount();
        double[][] x = new double[cells.length][];
        double[] y = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            x[r] = row(cells[r], t, fitted);
            y[r] = table.count(cells[r]);
        }
        return new Design(cells, x, y, List.copyOf(fitted), List.copyOf(empty));
    }

    int columns() {
        return x.length == 0 ? 0 : x[0].length;
    }

    private static int[] keptCells(int histories, List<Term> empty) {
        return java.util.stream.IntStream.rangeClosed(1, histories)
                .filter(h -> empty.stream().noneMatch(term -> term.coveredBy(h)))
                .toArray();
    }

    private static double[] row(int history, int lists, List<Term> fitted) {
        double[] row = new double[1 + lists + fitted.size()];
        row[0] = 1;
        for (int i = 0; i < lists; i++) {
            row[1 + i] = (history >> i) & 1;
        }
        for (int k = 0; k < fitted.size(); k++) {
            row[1 + lists + k] = fitted.get(k).coveredBy(history) ? 1 : 0;
        }
        return row;
    }
}
