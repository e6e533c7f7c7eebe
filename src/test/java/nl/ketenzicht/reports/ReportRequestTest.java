package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Only whitelisted dimensions and whole quarters (or longer) are accepted, so no differencing. */
class ReportRequestTest {

    @Test
    void periodsAreWholeQuartersOrYears() {
        ReportRequest year = ReportRequest.parse(Map.of("year", List.of("2022")));
        assertEquals(2022 * 4, year.fromQuarter());
        assertEquals(2022 * 4 + 3, year.toQuarter());
        ReportRequest range = ReportRequest.parse(
                Map.of("from", List.of("2021-Q2"), "to", List.of("2022-Q3"), "level", List.of("COURT_DISTRICT")));
        assertEquals(2021 * 4 + 1, range.fromQuarter());
        assertEquals(2022 * 4 + 2, range.toQuarter());
        assertEquals(ReportRequest.Level.COURT_DISTRICT, range.level());
        assertEquals("2021-Q2", range.describe().get("from"));
    }

    @Test
    void everythingElseIsRefused() {
        List<Map<String, List<String>>> refused = List.of(
                Map.of("ageGroup", List.of("MINOR")),
                Map.of("month", List.of("2022-03")),
                Map.of("from", List.of("2022-01-05"), "to", List.of("2022-03-01")),
                Map.of("year", List.of("2022"), "quarter", List.of("2022-Q1")),
                Map.of("level", List.of("MUNICIPALITY")),
                Map.of("origin", List.of("X")),
                Map.of("year", List.of("2022", "2023")),
                Map.of("from", List.of("2022-Q3"), "to", List.of("2022-Q1")),
                Map.of("from", List.of("2022-Q1")));
        for (var query : refused) {
            ProblemException e =
                    assertThrows(ProblemException.class, () -> ReportRequest.parse(query), query.toString());
            assertEquals(400, e.status(), query.toString());
        }
    }

    /** 1800 or 3000 is no empty report but a mistake: refused, naming the parameter that carries it. */
    @Test
    void yearsOutsideTheSupportedRangeAreRefusedByName() {
        Map<String, Map<String, List<String>>> refused = Map.of(
                "year", Map.of("year", List.of("1800")),
                "quarter", Map.of("quarter", List.of("3000-Q1")),
                "from", Map.of("from", List.of("1999-Q4"), "to", List.of("2022-Q1")),
                "to", Map.of("from", List.of("2022-Q1"), "to", List.of("2101-Q1")));
        refused.forEach((field, query) -> {
            ProblemException e =
                    assertThrows(ProblemException.class, () -> ReportRequest.parse(query), query.toString());
            assertEquals(400, e.status(), query.toString());
            assertEquals(field, e.errors().get(0).field(), query.toString());
        });
        assertEquals(
                2100 * 4 + 3,
                ReportRequest.parse(Map.of("year", List.of("2100"))).toQuarter(),
                "the last year");
        assertEquals(
                2000 * 4,
                ReportRequest.parse(Map.of("quarter", List.of("2000-Q1"))).fromQuarter(),
                "the first");
    }

    @Test
    void formulaLikeValuesAreNeutralised() {
        for (String v : List.of("=1+1", "+31", "-5", "@SUM(A1)", "\t=x")) {
            assertEquals("'" + v, ReportRows.neutralise(v));
        }
        assertEquals("12", ReportRows.neutralise("12"));
        assertEquals("<10", ReportRows.neutralise("<10"));
    }
}
