package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Checks an export against the screen report of the same cut and against the ground truth. */
final class ExportCheck {

    private ExportCheck() {}

    /**
     * Every exported count is the published (perturbed) count and never in 1..k-1; where the screen
     * publishes the same position it shows the same figure: screen and export never disagree.
     */
    static void againstScreen(List<List<String>> rows, JsonNode screen, int k, GroundTruth truth) {
        Map<String, String> screenValues = screenValues(screen);
        int compared = 0;
        for (List<String> row : rows) {
            String key = row.get(0) + "/" + row.get(1) + "/" + row.get(2) + "/" + row.get(3);
            String value = row.get(4);
            if (row.get(0).equals("count")) {
                truth.checkCount(row.get(1), row.get(2), row.get(3), Long.parseLong(value));
            }
            if (!value.isEmpty()
                    && screenValues.containsKey(key)
                    && !screenValues.get(key).isEmpty()) {
                assertEquals(Double.parseDouble(screenValues.get(key)), Double.parseDouble(value), 1e-12, key);
                compared++;
            }
        }
        assertTrue(compared > 0, "some figures are published in both");
    }

    private static Map<String, String> screenValues(JsonNode screen) {
        List<String> categories = ReportJson.texts(screen.get("categories"));
        Map<String, String> values = new HashMap<>();
        for (JsonNode t : screen.get("tables")) {
            for (JsonNode row : ReportJson.rowsWithNational(t)) {
                for (int c = 0; c <= categories.size(); c++) {
                    JsonNode cell = c < categories.size() ? row.get("cells").get(c) : row.get("total");
                    values.put(
                            "count/" + t.get("metric").asText() + "/"
                                    + row.get("region").asText() + "/"
                                    + (c < categories.size() ? categories.get(c) : "TOTAL"),
                            cell.get("display").asText());
                }
            }
        }
        for (JsonNode t : screen.get("rates")) {
            for (JsonNode row : ReportJson.rowsWithNational(t)) {
                for (int c = 0; c <= categories.size(); c++) {
                    JsonNode rate = c < categories.size() ? row.get("cells").get(c) : row.get("total");
                    values.put(
                            "rate/" + t.get("name").asText() + "/"
                                    + row.get("region").asText() + "/"
                                    + (c < categories.size() ? categories.get(c) : "TOTAL"),
                            rate.get("rate").isNull() ? "" : rate.get("rate").asText());
                }
            }
        }
        return values;
    }

    static byte[] download(Api api, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Cookie", "KZ_SESSION=" + api.cookie())
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .GET()
                .build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body()));
        return r.body();
    }

    static List<List<String>> xlsxRows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    // Figures are number cells: compared by the number as written, as the CSV has it.
                    cells.add(row.getOptionalCell(c)
                            .map(cell -> cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText())
                            .orElse(""));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
