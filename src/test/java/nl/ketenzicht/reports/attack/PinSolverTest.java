package nl.ketenzicht.reports.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attack's solver on tables small enough to check by hand. */
class PinSolverTest {

    private static final CellReading LEGACY = CellReading.LEGACY;

    /** One row a + b = t with a = 8 and t = 12 shown: the withheld b is 4. */
    @Test
    void oneWithheldCellInARowWithItsTotalIsPinned() {
        LinearSystem s = row(8, null, 12);
        PinSolver.Outcome o = new PinSolver(s, 50).attack(Map.of("b", 4L));
        assertEquals(1, o.pins().size(), "12 - 8 leaves b = 4: " + o);
        assertEquals(4, o.pins().get(0).value());
    }

    @Test
    void twoWithheldCellsInARowAreNotPinned() {
        LinearSystem s = new LinearSystem();
        s.publish("a", LEGACY.range((Long) null), "screen");
        s.publish("b", LEGACY.range((Long) null), "screen");
        s.publish("t", LEGACY.range(7L), "screen");
        s.sum("row", "t", List.of("a", "b"));
        PinSolver.Outcome o = new PinSolver(s, 50).attack(Map.of("a", 3L, "b", 4L));
        assertTrue(o.pins().isEmpty(), "a + b = 7 has eight integer solutions: " + o);
    }

    /** Subset relations between two withheld tables: found ⊆ episodes pins nothing until one episode cell is shown elsewhere. */
    @Test
    void aSubsetRelationPinsWhatTheMarginsLeaveOpen() {
        LinearSystem s = new LinearSystem();
        for (String v : List.of("found1", "found2", "ep1", "ep2")) {
            s.publish(v, LEGACY.range((Long) null), "screen");
        }
        s.publish("foundT", LEGACY.range(6L), "screen");
        s.publish("epT", LEGACY.range(6L), "screen");
        s.sum("found margin", "foundT", List.of("found1", "found2"));
        s.sum("episodes margin", "epT", List.of("ep1", "ep2"));
        s.subset("found ⊆ episodes", "found1", "ep1");
        s.subset("found ⊆ episodes", "found2", "ep2");
        PinSolver.Outcome o = new PinSolver(s, 50).attack(Map.of("found1", 2L));
        assertTrue(o.pins().isEmpty(), "found1 = ep1 any split: " + o);
        s.publish("ep1", LEGACY.range(2L), "export");
        PinSolver.Outcome pinned = new PinSolver(s, 50).attack(Map.of("found1", 2L, "ep2", 4L));
        assertEquals(2, pinned.pins().size(), "ep1 = 2 forces found2 = ep2 = 4 and found1 = 2: " + pinned);
    }

    @Test
    void anIntegerProgramPinsWhatIntervalsCannot() {
        // a + b = 2, a + c = 1, b + c = 1: a, b, c ≤ 1 each, so a = b = 1 (and c = 0).
        LinearSystem s = new LinearSystem();
        for (String v : List.of("a", "b", "c", "ab", "ac", "bc")) {
            s.publish(v, LEGACY.range((Long) null), "screen");
        }
        s.publish("t1", LEGACY.range(2L), "screen");
        s.sum("r1", "t1", List.of("a", "b"));
        s.publish("t2", LEGACY.range(1L), "screen");
        s.sum("r2", "t2", List.of("a", "c"));
        s.publish("t3", LEGACY.range(1L), "screen");
        s.sum("r3", "t3", List.of("b", "c"));
        PinSolver.Outcome o = new PinSolver(s, 50).attack(Map.of("a", 1L));
        assertEquals(1, o.pins().size(), o.toString());
    }

    @Test
    void perturbedCellsWithTheirTotalPinNothing() {
        LinearSystem s = new LinearSystem();
        CellReading p = CellReading.PERTURBED;
        s.publish("a", p.range(5L), "screen");
        s.publish("b", p.range(0L), "screen");
        s.publish("t", p.range(8L), "screen");
        s.sum("row", "t", List.of("a", "b"));
        PinSolver.Outcome o = new PinSolver(s, 50).attack(Map.of("a", 3L, "b", 3L));
        assertTrue(o.pins().isEmpty(), "t ∈ [5,14], a ∈ [1,11], b ∈ [0,4]: " + o);
    }

    private static LinearSystem row(long a, Long b, long total) {
        LinearSystem s = new LinearSystem();
        s.publish("a", LEGACY.range(a), "screen");
        s.publish("b", LEGACY.range(b), "screen");
        s.publish("t", LEGACY.range(total), "screen");
        s.sum("row total", "t", List.of("a", "b"));
        return s;
    }
}
