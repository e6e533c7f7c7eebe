package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.CountTable;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateTable;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Exports and the print view speak the reader's language and keep figures as numbers. */
class ReportExportsTest {

    private static final List<RegionRef> REGIONS = List.of(new RegionRef("AMS", "Amsterdam"));
    private static final List<ReferenceViews.Code> CODES = List.of(
            new ReferenceViews.Code("CARE_TYPE", "TRAUMA_THERAPY", "Traumabehandeling", "Trauma therapy", null, null));

    /** Measure 1 for Amsterdam and the nation: suspects in view per origin, one cell withheld, one rate. */
    private static RegionalReport dependency() {
        Map<String, String> cut = new LinkedHashMap<>();
        cut.put("from", "2000-Q1");
        cut.put("to", "2025-Q4");
        cut.put("level", "POLICE_UNIT");
        CountRow ams = new CountRow(
                "AMS", List.of(new CellView(12L, "12"), new CellView(null, "<10")), new CellView(15L, "15"));
        CountRow nl =
                new CountRow("NL", List.of(new CellView(40L, "40"), new CellView(11L, "11")), new CellView(51L, "51"));
        RateView rate = new RateView(0.25, 0.125, 0.4375);
        RateTable rates = new RateTable(
                "s_om_inflow_per_s_in_view",
                "CONVERSION",
                "s_om_inflow",
                "s_in_view",
                List.of(new RateRow("AMS", List.of(rate, new RateView(null, null, null)), rate)),
                new RateRow("NL", List.of(rate, rate), rate));
        return new RegionalReport(
                "DEPENDENCY",
                cut,
                10,
                List.of("AANGIFTE", "DECOY"),
                REGIONS,
                List.of(new CountTable("s_in_view", List.of(ams), nl)),
                List.of(rates),
                null,
                null);
    }

    @Test
    void xlsxStoresFiguresAsNumbersAndNamesThemInDutch() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.xlsx(dependency(), new ReportLabels("nl", CODES), out);
        List<List<Cell>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Row row : wb.getFirstSheet().read()) {
                rows.add(row.stream().map(c -> c == null ? null : c).toList());
            }
        }
        List<Cell> twelve = find(rows, "count", "AMS", "AANGIFTE");
        assertEquals(CellType.NUMBER, twelve.get(4).getType(), "a count is a number cell");
        assertEquals(new BigDecimal("12"), twelve.get(4).asNumber());
        List<Cell> withheld = find(rows, "count", "AMS", "DECOY");
        assertEquals(CellType.STRING, withheld.get(4).getType(), "a withheld count stays text");
        assertEquals("<10", withheld.get(4).asString());
        List<Cell> rate = find(rows, "rate", "AMS", "AANGIFTE");
        assertEquals(CellType.NUMBER, rate.get(4).getType());
        assertEquals(0.25, rate.get(4).asNumber().doubleValue(), 1e-12);
        assertEquals(0.4375, rate.get(6).asNumber().doubleValue(), 1e-12, "the upper limit is a number too");
        assertEquals(
                List.of("aantal", "verdachten in beeld", "Amsterdam", "Aangifte"),
                twelve.subList(7, 11).stream().map(Cell::getText).toList(),
                "the same figure in words");
        assertEquals("Verdachten in beeld die bij het OM instromen", rate.get(8).getText());
        assertEquals("Nederland", find(rows, "count", "NL", "TOTAL").get(9).getText());
        String sheet = rows.stream()
                .flatMap(List::stream)
                .filter(java.util.Objects::nonNull)
                .map(Cell::getText)
                .toList()
                .toString();
        assertTrue(
                sheet.contains("1e kwartaal 2000")
                        && sheet.contains("Afhankelijkheid van aangifte")
                        && sheet.contains("Politie-eenheden"),
                "the cut and the measure in words: " + sheet);
    }

    @Test
    void csvCarriesTheSameRowsInEnglishWhenAskedFor() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.csv(dependency(), new ReportLabels("en", CODES), out);
        List<CSVRecord> records = CSVFormat.RFC4180
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        CSVRecord twelve = records.stream()
                .filter(r -> r.get(0).equals("count")
                        && r.get(2).equals("AMS")
                        && r.get(3).equals("AANGIFTE"))
                .findFirst()
                .orElseThrow();
        assertEquals("12", twelve.get(4));
        assertEquals(
                List.of("count", "suspects in view", "Amsterdam", "Report by the victim (aangifte)"),
                twelve.toList().subList(7, 11));
        assertTrue(records.stream().anyMatch(r -> r.toList().contains("Q1 2000")), "the period in English");
    }

    @Test
    void xlsxHoldsTheRowsOfTheCsv() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ReportExports.csv(dependency(), new ReportLabels("nl", CODES), csv);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ReportExports.xlsx(dependency(), new ReportLabels("nl", CODES), xlsx);
        List<List<String>> rows =
                CSVFormat.RFC4180.parse(new StringReader(csv.toString(StandardCharsets.UTF_8))).getRecords().stream()
                        .map(CSVRecord::toList)
                        .toList();
        assertEquals(rows, ExportCheck.xlsxRows(xlsx.toByteArray()), "the same lines, figures written alike");
    }

    @Test
    void printViewShowsLabelsNotCodes() {
        String html = PrintView.html(dependency(), new ReportLabels("nl", CODES));
        for (String code : List.of(
                "DEPENDENCY", "s_om_inflow_per_s_in_view", "s_in_view", "{from=", "POLICE_UNIT", "AANGIFTE", ">NL<")) {
            assertFalse(html.contains(code), "no code " + code + " in the print view: " + html);
        }
        assertTrue(
                html.contains("lang=\"nl\"")
                        && html.contains("Afhankelijkheid van aangifte")
                        && html.contains("1e kwartaal 2000 t/m 4e kwartaal 2025")
                        && html.contains("Verdachten in beeld die bij het OM instromen")
                        && html.contains("25,0 (12,5–43,8)")
                        && html.contains("Nederland"),
                html);
        String english = PrintView.html(dependency(), new ReportLabels("en", CODES));
        assertTrue(
                english.contains("lang=\"en\"")
                        && english.contains("25.0 (12.5–43.8)")
                        && english.contains("Q1 2000 to Q4 2025"),
                english);
    }

    @Test
    void codeListCategoriesComeFromTheReferenceData() {
        assertEquals("Traumabehandeling", new ReportLabels("nl", CODES).category("CARE", "TRAUMA_THERAPY"));
        assertEquals("Trauma therapy", new ReportLabels("en", CODES).category("CARE", "TRAUMA_THERAPY"));
        assertEquals(
                "UNLISTED",
                new ReportLabels("nl", CODES).category("CARE", "UNLISTED"),
                "a code without a label is shown as is");
    }

    private static List<Cell> find(List<List<Cell>> rows, String kind, String region, String category) {
        return rows.stream()
                .filter(r -> r.size() > 4
                        && r.get(0) != null
                        && r.get(3) != null
                        && r.get(0).getText().equals(kind)
                        && r.get(2).getText().equals(region)
                        && r.get(3).getText().equals(category))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + region + "/" + category));
    }
}
