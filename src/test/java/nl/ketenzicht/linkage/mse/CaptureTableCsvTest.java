package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureTableCsvTest {

    @Test
    void readsHistoriesAndFillsMissingOnesWithZero() {
        CaptureTable table = MseData.parse("A,B,C,count\r\n1,0,0,40\r\n0,1,0,30\r\n1,1,0,6\r\n\r\n");
        assertEquals(List.of("A", "B", "C"), table.lists());
        assertEquals(7, table.historyCount(), "2^3 - 1 observable histories, zero cells included");
        assertEquals(40, table.count(0b001), "history {A}: bit 0 is the first column");
        assertEquals(6, table.count(0b011), "history {A,B}");
        assertEquals(0, table.count(0b100), "history {C} is missing from the file, so it counts 0");
        assertEquals(76, table.observed());
        assertEquals(6, table.overlap(0, 1));
    }

    @Test
    void everySharedDataSetParsesWithItsDocumentedTotals() {
        Map<String, Long> observed = Map.of(
                "UKdat",
                2744L,
                "UKdat_5",
                2744L,
                "UKdat_4",
                2428L,
                "Ned",
                8234L,
                "Ned_5",
                8234L,
                "NewOrl",
                185L,
                "NewOrl_5",
                185L,
                "Western",
                345L,
                "Kosovo",
                4400L,
                "Artificial_3",
                96L);
        observed.forEach((name, n) -> assertEquals(
                n, MseData.load(name).observed(), name + ": observed cases as in src/test/resources/mse/README.md"));
    }

    @Test
    void factoryFromListSetsMatchesTheCsv() {
        CaptureTable fromSets = CaptureTable.fromCounts(
                List.of("A", "B", "C"),
                Map.of(Set.of("A"), 40L, Set.of("B"), 30L, Set.of("C"), 20L, Set.of("A", "B"), 6L));
        assertEquals(MseData.load("Artificial_3"), fromSets, "the web application's factory gives the same table");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong header         | A,B,total\\n1,0,3             | line 1, column 3: last header column must be 'count'",
                "one list             | A,count\\n1,3                  | line 1: at least 2 list columns",
                "duplicate list name  | A,A,count\\n1,0,3              | line 1, column 2: list name must be non-empty and unique",
                "value not 0/1        | A,B,count\\n1,0,3\\n0,2,1        | line 3, column 2: list 'B' must be 0 or 1, found '2'",
                "negative count       | A,B,count\\n1,0,-3             | line 2, column 3: count must be non-negative",
                "non-integer count    | A,B,count\\n1,0,2.5            | line 2, column 3: count must be a non-negative integer, found '2.5'",
                "duplicate history    | A,B,count\\n1,0,3\\n0,1,2\\n1,0,1 | line 4: duplicate capture history, already given on line 2",
                "all-zero history     | A,B,count\\n0,0,3              | line 2: all-zero capture history",
                "wrong column count   | A,B,count\\n1,0,3\\n1,1         | line 3: expected 3 columns like the header, found 2",
                "no rows              | A,B,count\\n                  | line 2: no capture histories",
            })
    void malformedFilesAreRejectedNamingLineAndColumn(String caseName, String csv, String expected) {
        var e = assertThrows(MalformedCaptureTableException.class, () -> MseData.parse(csv.replace("\\n", "\n")));
        assertTrue(
                e.getMessage().startsWith(expected),
                caseName + ": expected '" + expected + "…', got '" + e.getMessage() + "'");
    }

    @Test
    void emptyFileIsRejected() {
        var e = assertThrows(MalformedCaptureTableException.class, () -> MseData.parse(""));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }

    @Test
    void errorExposesLineAndColumnForCallers() {
        var e = assertThrows(MalformedCaptureTableException.class, () -> MseData.parse("A,B,count\n1,x,3\n"));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
    }
}
