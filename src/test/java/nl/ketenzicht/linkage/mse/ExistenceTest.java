package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Artificial_3 (A–C and B–C never overlap) is SparseMSE's own example for checkident. */
class ExistenceTest {

    private static final Term AB = new Term(0, 1);
    private static final Term AC = new Term(0, 2);
    private static final Term BC = new Term(1, 2);

    private final CaptureTable artificial = MseData.load("Artificial_3");
    private final ModelFitter fitter = new ModelFitter();

    @Test
    void abModelHasNoFiniteEstimateAsInSparseMseDocumentation() {
        assertEquals(
                Existence.Verdict.NOT_FINITE,
                fitter.check(artificial, List.of(AB)),
                "with A:B the zero cells AC, BC, ABC stay in the model and push the LP optimum to 0");
    }

    @Test
    void allPairsModelIsNotIdentifiable() {
        assertEquals(
                Existence.Verdict.NOT_IDENTIFIABLE,
                fitter.check(artificial, List.of(AB, AC, BC)),
                "A:C and B:C are empty, so 3 cells remain (A, B, C, AB: 4) for 5 parameters");
    }

    @Test
    void modelWithBothEmptyPairsPasses() {
        assertEquals(
                Existence.Verdict.OK,
                fitter.check(artificial, List.of(AC, BC)),
                "deleting AC, BC, ABC leaves only positive cells, so the estimate exists (SparseMSE example)");
        assertEquals(Existence.Verdict.OK, fitter.check(artificial, List.of()), "main effects exist");
    }

    @Test
    void refusingAModelGivesAClearMessageAndNoNumber() {
        var e = assertThrows(EstimateDoesNotExistException.class, () -> fitter.fit(artificial, List.of(AB), true));
        assertEquals(EstimateDoesNotExistException.Reason.NOT_FINITE, e.reason());
        assertTrue(
                e.getMessage().contains("A:B") && e.getMessage().contains("does not exist"),
                "message names the model and says the estimate does not exist: " + e.getMessage());
        var id = assertThrows(
                EstimateDoesNotExistException.class, () -> fitter.fit(artificial, List.of(AB, AC, BC), true));
        assertTrue(id.getMessage().contains("not identifiable"), id.getMessage());
    }

    @Test
    void stepwiseSkipsACandidateWhoseModelFails() {
        ModelFit main = fitter.fit(artificial, List.of(), true);
        double[] p = Stepwise.pValues(artificial, main, List.of());
        assertTrue(p[0] < p[1] && p[1] < p[2], "A:B has the smallest p-value: " + java.util.Arrays.toString(p));
        assertTrue(p[0] >= 0.02, "at the default threshold nothing is significant, so stepwise = main effects");
        assertEquals(
                AC,
                Stepwise.nextTerm(fitter, artificial, main, List.of(), 0.5),
                "with threshold 0.5, A:B would win but its model has no estimate (p set to 1), so A:C is next");
        assertEquals(
                List.of(AC, BC),
                Stepwise.select(fitter, artificial, 0.5).terms(),
                "then B:C; A:B stays out because every model containing it fails");
    }

    @Test
    void listsThatNeverOverlapRefuseEvenTheMainEffectsModel() {
        CaptureTable disjoint = MseData.parse("A,B,count\n1,0,10\n0,1,5\n");
        var e = assertThrows(
                EstimateDoesNotExistException.class,
                () -> new MseEstimator().estimate(disjoint, new Options(0.02, 0, 1)));
        assertEquals(
                EstimateDoesNotExistException.Reason.NOT_FINITE,
                e.reason(),
                "two disjoint lists give an infinite dark figure");
    }

    @Test
    void lpOptimumIsPositiveWhenAllCellsArePositive() {
        Design design = Design.build(MseData.load("Kosovo"), Term.allPairs(4));
        assertTrue(
                Existence.lpOptimum(design) >= 18 - 1e-9,
                "y = n is feasible with x = the smallest count (18), so the optimum is at least that");
    }

    @Test
    void emptyOverlapTermsDeleteTheirCells() {
        Design design = Design.build(artificial, List.of(AC));
        assertEquals(List.of(AC), design.empty());
        assertEquals(5, design.cells().length, "cells AC and ABC are deleted from the 7");
        assertEquals(4, design.columns(), "intercept + 3 lists; the empty term has no column");
    }

    /**
     * The cache of verdicts tells a table over four lists whose fourth list is empty (histories 1..7 only: no
     * finite estimate) from a table over three lists with the same positive histories (an estimate exists), in
     * either order. Before, the first verdict was reused for the second: the monitor asked four lists with an
     * empty KMar list, and the dark-number page's three lists of the same year answered 422 NOT_FINITE.
     */
    @Test
    void verdictsOfTablesOverDifferentNumbersOfListsAreNotShared() {
        long[] four = new long[16];
        long[] three = new long[8];
        for (int h = 1; h < 8; h++) {
            four[h] = 10 + h;
            three[h] = 10 + h;
        }
        CaptureTable withEmptyList = CaptureTable.fromHistoryCounts(List.of("A", "B", "C", "D"), four);
        CaptureTable overThree = CaptureTable.fromHistoryCounts(List.of("A", "B", "C"), three);
        ModelFitter first = new ModelFitter();
        assertEquals(
                Existence.Verdict.NOT_FINITE,
                first.check(withEmptyList, List.of()),
                "an empty list: no finite estimate");
        assertEquals(Existence.Verdict.OK, first.check(overThree, List.of()), "three lists, every history positive");
        ModelFitter second = new ModelFitter();
        assertEquals(Existence.Verdict.OK, second.check(overThree, List.of()));
        assertEquals(Existence.Verdict.NOT_FINITE, second.check(withEmptyList, List.of()));
    }
}
