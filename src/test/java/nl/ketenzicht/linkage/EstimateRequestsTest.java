package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.linkage.EstimateRequests.DateRange;
import nl.ketenzicht.linkage.EstimateRequests.Period;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class EstimateRequestsTest {

    @Test
    void periodsAreYearsQuartersOrWholeQuarterRanges() {
        assertEquals(
                new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
                Period.ofYear(2023).resolve());
        assertEquals(
                new DateRange(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)),
                new Period(2023, 2, null, null).resolve());
        assertEquals(
                new DateRange(LocalDate.of(2022, 7, 1), LocalDate.of(2023, 3, 31)),
                new Period(null, null, LocalDate.of(2022, 7, 1), LocalDate.of(2023, 3, 31)).resolve());
    }

    @Test
    void rangesThatWouldAllowDifferencingAreRefused() {
        assertThrows(
                ProblemException.class,
                () -> new Period(null, null, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 3, 31)).resolve());
        assertThrows(
                ProblemException.class,
                () -> new Period(null, null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 30)).resolve());
        assertThrows(ProblemException.class, () -> new Period(2023, null, LocalDate.of(2023, 1, 1), null).resolve());
        assertThrows(
                ProblemException.class,
                () -> new Period(null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2020, 12, 31)).resolve());
    }

    @Test
    void csvCellsThatLookLikeFormulasAreQuoted() {
        assertEquals("'=SUM(A1)", EstimateCsv.guard("=SUM(A1)"));
        assertEquals("'+31", EstimateCsv.guard("+31"));
        assertEquals("'@cmd", EstimateCsv.guard("@cmd"));
        assertEquals("'-x", EstimateCsv.guard("-x"));
        assertEquals("-0.25", EstimateCsv.guard("-0.25"), "plain negative numbers stay numbers");
        assertEquals("POLICE", EstimateCsv.guard("POLICE"));
    }

    @Test
    void overlapHistoriesAreLabelledByTheirLists() {
        assertEquals(List.of("A", "C"), OverlapRepository.listsOf(0b101, List.of("A", "B", "C")));
    }
}
