package nl.ketenzicht.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ContextCsvTest {

    private static final Map<String, List<String>> COLUMNS = ContextUploads.PRIORITY_COLUMNS;

    @Test
    void readsCommaSemicolonAndTabFilesWithOrWithoutBomInAnyColumnOrder() {
        for (String file : List.of(
                "municipalityCode,year,priority\nGM0363,2024,yes\n",
                "\uFEFFgemeente;jaar;prioriteit\r\nGM0363;2024;ja\r\n",
                "year\tpriority\tmunicipality\n2024\t1\tGM0363",
                "\"jaar\";\"gemeente\";\"prioriteit\"\n\n\"2024\";\"GM0363\";\"true\"\n")) {
            List<ContextCsv.Row> rows = ContextCsv.read(file, COLUMNS);
            assertEquals(1, rows.size(), file);
            assertEquals("GM0363", rows.get(0).get("municipalityCode"), file);
            assertEquals("2024", rows.get(0).get("year"), file);
            assertEquals(Boolean.TRUE, ContextCsv.yesNo(rows.get(0).get("priority")), file);
        }
    }

    @Test
    void numbersRowsAsAnEditorDoesSkippingBlankLinesAndQuotedLineBreaks() {
        List<ContextCsv.Row> rows = ContextCsv.read(
                "municipalityCode,year,priority\n\nGM0363,2024,yes\n\"GM\n0599\",2024,no\nGM0758,2024,no", COLUMNS);
        assertEquals(List.of(3, 4, 6), rows.stream().map(ContextCsv.Row::line).toList());
    }

    @Test
    void numbersTakeAPointOrADecimalCommaAndNothingElse() {
        assertEquals(new BigDecimal("12.5"), ContextCsv.number("12,5"));
        assertEquals(new BigDecimal("12.5"), ContextCsv.number("12.5"));
        assertEquals(new BigDecimal("3"), ContextCsv.number("3"));
        assertNull(ContextCsv.number("1.234,5"));
        assertNull(ContextCsv.number("12 FTE"));
        assertNull(ContextCsv.number(""));
        assertNull(ContextCsv.yesNo("misschien"));
        assertEquals(Boolean.FALSE, ContextCsv.yesNo("Nee"));
    }

    @Test
    void aFileThatIsNotATableOfTheColumnsIsRefusedWithWhereAndWhat() {
        assertEquals(List.of("upload.noHeader"), codes(""));
        assertEquals(List.of("upload.noDataRows"), codes("municipalityCode,year,priority\n"));
        assertEquals(
                List.of("upload.columnUnknown", "upload.columnMissing"),
                codes("municipalityCode,year,prio\nGM0363,2024,yes\n"));
        assertEquals(
                List.of("upload.columnUnknown"), codes("municipalityCode,year,priority,year\nGM0363,2024,yes,2024\n"));
        assertEquals(List.of("upload.columnCount"), codes("municipalityCode,year,priority\nGM0363,2024\n"));
        assertEquals(List.of("upload.notUtf8"), codes("municipalityCode,year,priority\nGM0363,2024,j\uFFFDa\n"));
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> ContextCsv.read("municipalityCode,year,priority\n\nGM0363,2024\n", COLUMNS));
        assertEquals("line 3", e.errors().get(0).field(), "the place is named");
        assertEquals(Map.of("expected", 3, "found", 2), e.errors().get(0).params());
    }

    @Test
    void theSeparatorIsTheOneTheHeaderUsesMost() {
        assertEquals(';', ContextCsv.delimiter("a;b;c,d\n1;2;3,4"));
        assertEquals('\t', ContextCsv.delimiter("a\tb\n"));
        assertEquals(',', ContextCsv.delimiter("a,b\n1;2;3;4;5"), "the header decides, not the rows");
    }

    private static List<String> codes(String file) {
        ProblemException e = assertThrows(ProblemException.class, () -> ContextCsv.read(file, COLUMNS));
        assertEquals(400, e.status());
        return e.errors().stream().map(Problem.FieldError::code).toList();
    }
}
