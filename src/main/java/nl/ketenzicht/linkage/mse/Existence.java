package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Existence and identifiability of the maximum-likelihood estimate (Fienberg &amp; Rinaldo 2012, as in
 * SparseMSE's {@code checkident}).
 *
 * <p>The linear programme is: maximise x subject to A·y = A·n, y_c ≥ x, y ≥ 0, with A the
 * transposed design. The estimate exists iff the optimum is positive. We substitute y = z + x·1
 * (z ≥ 0), which leaves only the equality rows in the tableau and makes the check cheap enough to
 * run inside the bootstrap; the optimum is unchanged. The answer depends on the data only through
 * which cells are positive, so verdicts are cached by (number of lists, support, terms): the same
 * support over three lists and over four (histories 1..7, the fourth list empty) are different tables,
 * the latter without a finite estimate.
 */
final class Existence {

    /** The optimum x is at least 1/2^t for a positive answer; anything this small is zero. */
    private static final double ZERO = 1e-7;

    enum Verdict {
        OK,
        NOT_FINITE,
        NOT_IDENTIFIABLE,
        NOT_FINITE_NOR_IDENTIFIABLE
    }

    private record Key(int lists, BitSet support, List<Term> terms) {}

    private final Map<Key, Verdict> cache = new ConcurrentHashMap<>();

    Verdict check(CaptureTable table, List<Term> terms) {
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(Term::first).thenComparingInt(Term::second));
        return cache.computeIfAbsent(
                new Key(table.lists().size(), support(table), List.copyOf(sorted)),
                key -> verdict(Design.build(table, terms)));
    }

    static Verdict verdict(Design design) {
        boolean finite = lpOptimum(design) > ZERO;
        boolean identifiable = rank(design) == design.columns();
        if (finite) {
            return identifiable ? Verdict.OK : Verdict.NOT_IDENTIFIABLE;
        }
        return identifiable ? Verdict.NOT_FINITE : Verdict.NOT_FINITE_NOR_IDENTIFIABLE;
    }

    /** Optimum x of the existence LP. */
    static double lpOptimum(Design design) {
        double[][] x = design.x();
        int cells = x.length;
        if (cells == 0) {
            return 0;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int k = 0; k < design.columns(); k++) {
            double[] row = new double[cells + 1];
            double s = 0;
            for (int c = 0; c < cells; c++) {
                row[c] = x[c][k];
                row[cells] += x[c][k];
                s += x[c][k] * design.y()[c];
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, s));
        }
        double[] objective = new double[cells + 1];
        objective[cells] = 1;
        PointValuePair optimum = new SimplexSolver()
                .optimize(
                        new MaxIter(100_000),
                        new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints),
                        GoalType.MAXIMIZE,
                        new NonNegativeConstraint(true));
        return optimum.getValue();
    }

    static int rank(Design design) {
        if (design.x().length < design.columns()) {
            return design.x().length;
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(design.x(), false)).getRank();
    }

    private static BitSet support(CaptureTable table) {
        BitSet support = new BitSet();
        for (int h = 1; h <= table.historyCount(); h++) {
            if (table.count(h) > 0) {
                support.set(h);
            }
        }
        return support;
    }
}
