package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * An attacker who knows the table layout and every published number, and wants the withheld ones.
 * Written apart from the suppression code: it sees only positions, published values and the
 * additive equations, with non-negativity. It asks linear-programming feasibility questions: "is
 * there a non-negative table consistent with the publication in which this position equals v?".
 * A table's equation matrix is totally unimodular, so a feasible real value between integers means
 * the integers around it are feasible too.
 *
 * <p>Why feasibility rather than minimising and maximising: commons-math 3.6.1's SimplexSolver
 * returns wrong optima on these degenerate equality systems (maximising x2 subject to
 * x1 + ... + x5 = 23 returns 0). Its phase 1 is reliable, and every "feasible" answer is checked
 * here against the equations, so a solver fault can only make a test fail, never pass.
 */
final class LinearProgrammingAttacker {

    /** Each equation: the positions whose values sum to the value at {@code total}. */
    record Equation(int[] parts, int total) {}

    private static final double TOLERANCE = 1e-6;

    private final long[] published; // value at a published position
    private final boolean[] withheld;
    private final List<Equation> equations;
    private final int[] variableOf; // position -> LP variable index, -1 when published
    private final int variables;

    LinearProgrammingAttacker(long[] trueValues, boolean[] withheld, List<Equation> equations) {
        this.published = trueValues.clone();
        this.withheld = withheld.clone();
        this.equations = equations;
        this.variableOf = new int[trueValues.length];
        int n = 0;
        for (int i = 0; i < trueValues.length; i++) {
            variableOf[i] = withheld[i] ? n++ : -1;
            if (withheld[i]) {
                published[i] = Long.MIN_VALUE; // the attacker must never read it
            }
        }
        this.variables = n;
    }

    /** Whether some non-negative table consistent with the publication has {@code value} there. */
    boolean canBe(int position, double value) {
        if (!withheld[position]) {
            throw new IllegalArgumentException("position " + position + " is published");
        }
        if (value < 0) {
            return false;
        }
        List<LinearConstraint> constraints = constraints();
        double[] pin = new double[variables];
        pin[variableOf[position]] = 1.0;
        constraints.add(new LinearConstraint(pin, Relationship.EQ, value));
        double[] point;
        try {
            point = new SimplexSolver()
                    .optimize(
                            new MaxIter(10_000),
                            new LinearObjectiveFunction(new double[variables], 0.0),
                            new LinearConstraintSet(constraints),
                            GoalType.MINIMIZE,
                            new NonNegativeConstraint(true))
                    .getPoint();
        } catch (NoFeasibleSolutionException e) {
            return false;
        }
        verify(constraints, point);
        return true;
    }

    private static void verify(List<LinearConstraint> constraints, double[] point) {
        for (double x : point) {
            if (x < -TOLERANCE) {
                throw new AssertionError("solver returned a negative value " + x);
            }
        }
        for (LinearConstraint c : constraints) {
            double lhs = c.getCoefficients().dotProduct(new ArrayRealVector(point));
            if (Math.abs(lhs - c.getValue()) > TOLERANCE) {
                throw new AssertionError("solver returned a point that violates an equation");
            }
        }
    }

    private List<LinearConstraint> constraints() {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Equation e : equations) {
            double[] coefficients = new double[variables];
            double rhs = 0.0;
            for (int part : e.parts()) {
                if (withheld[part]) {
                    coefficients[variableOf[part]] += 1.0;
                } else {
                    rhs -= published[part];
                }
            }
            if (withheld[e.total()]) {
                coefficients[variableOf[e.total()]] -= 1.0;
            } else {
                rhs += published[e.total()];
            }
            if (Arrays.stream(coefficients).anyMatch(c -> c != 0.0)) {
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
            }
        }
        return constraints;
    }
}
