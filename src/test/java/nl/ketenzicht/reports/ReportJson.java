package nl.ketenzicht.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small readers of report JSON shared by the report tests. */
final class ReportJson {

    private ReportJson() {}

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<JsonNode> rowsWithNational(JsonNode table) {
        List<JsonNode> rows = new ArrayList<>();
        table.get("rows").forEach(rows::add);
        rows.add(table.get("national"));
        return rows;
    }
}
