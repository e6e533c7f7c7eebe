package nl.ketenzicht.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.exchange.GlotipTables.Breakdown;
import nl.ketenzicht.exchange.GlotipTables.Measure;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The tables as XLSX in the questionnaire's layout: one sheet per measure with its three breakdowns
 * (rows) against the forms of exploitation (columns) and their totals, and a sheet of the articles
 * charged. Labels are English, the questionnaires' language; the codes stand beside them for programs.
 * Every figure is published by the cell keys (README "Disclosure control"), so no cell is 1 to 4 and
 * totals need not equal the sum of their cells.
 */
final class GlotipWorkbook {

    static final Map<Measure, String> TITLES = Map.of(
            Measure.FORMAL_CONTACT, "Persons brought into formal contact with the police",
            Measure.PROSECUTED, "Persons prosecuted",
            Measure.CONVICTED, "Persons convicted (first instance)",
            Measure.VICTIMS, "Victims detected");

    static final Map<Breakdown, String> BREAKDOWNS = Map.of(
            Breakdown.SEX_AGE, "Sex and age (under 18: girls, boys)",
            Breakdown.AGE_GROUP, "Age group",
            Breakdown.CITIZENSHIP, "Citizenship (NL: the reporting country)");

    private GlotipWorkbook() {}

    static void write(GlotipTables t, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Ketenzicht", "1.0");
        for (Measure m : Measure.values()) {
            Worksheet ws = wb.newWorksheet(m.name());
            ws.value(0, 0, TITLES.get(m));
            ws.value(1, 0, "Year");
            ws.value(1, 1, t.year());
            ws.value(2, 0, "Counts perturbed by cell keys: never 1-4; totals are published on their own.");
            int row = 4;
            for (Breakdown b : Breakdown.values()) {
                row = table(ws, row, b, t.published(m, b)) + 1;
            }
        }
        Worksheet ws = wb.newWorksheet("ARTICLES");
        ws.value(0, 0, "Offences charged: Criminal Code article and law version (SR; WSM from 1 July 2024)");
        ws.value(1, 0, "Year");
        ws.value(1, 1, t.year());
        ws.value(3, 0, "Article");
        for (int i = 0; i < GlotipTables.OFFENDER_MEASURES.size(); i++) {
            ws.value(3, 1 + i, GlotipTables.OFFENDER_MEASURES.get(i).name());
        }
        int row = 4;
        for (Map.Entry<String, long[]> e : t.publishedArticles().entrySet()) {
            ws.value(row, 0, e.getKey());
            for (int i = 0; i < e.getValue().length; i++) {
                ws.value(row, 1 + i, e.getValue()[i]);
            }
            row++;
        }
        wb.finish();
    }

    /** Writes one breakdown from {@code row}; returns the next free row. */
    private static int table(Worksheet ws, int row, Breakdown b, SuppressedTwoWayTable p) {
        ws.value(row, 0, BREAKDOWNS.get(b));
        List<String> forms = GlotipTables.FORMS;
        for (int c = 0; c < forms.size(); c++) {
            ws.value(row, 1 + c, forms.get(c));
        }
        ws.value(row, 1 + forms.size(), "TOTAL");
        row++;
        for (int r = 0; r < b.rows.size(); r++) {
            ws.value(row, 0, b.rows.get(r));
            for (int c = 0; c < forms.size(); c++) {
                ws.value(row, 1 + c, GlotipTables.value(p.cell(r, c)));
            }
            ws.value(row, 1 + forms.size(), GlotipTables.value(p.rowTotal(r)));
            row++;
        }
        ws.value(row, 0, "TOTAL");
        for (int c = 0; c < forms.size(); c++) {
            ws.value(row, 1 + c, GlotipTables.value(p.columnTotal(c)));
        }
        ws.value(row, 1 + forms.size(), GlotipTables.value(p.grandTotal()));
        return row + 1;
    }
}
