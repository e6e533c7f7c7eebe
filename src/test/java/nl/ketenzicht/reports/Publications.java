package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.support.Api;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Everything a national coordinator can publish about one data set, read as an attacker reads it:
 * each published count becomes an observation of a {@link CellKey} (where it was published is kept
 * for the report), and each published table contributes its margins (row total = Σ cells, national
 * = Σ regions). Ranges are applied later, once the reading (legacy or perturbed) is known.
 */
final class Publications {

    /** A cut of a report: query string, region level, period in quarter indexes, filters as dimensions. */
    record Cut(String query, String level, int from, int to, Map<String, String> filters) {}

    record Observation(CellKey key, Long value, String where) {}

    /** total = Σ parts, from the shape of a published table. */
    record Sum(String route, CellKey total, List<CellKey> parts) {}

    private static final Map<String, String> PREFIX =
            Map.of("POLICE_UNIT", "PU:", "COURT_DISTRICT", "CD:", "PROSECUTION_OFFICE", "PO:", "MUNICIPALITY", "GM:");
    /** The category dimension of each metric, per report. */
    private static final Map<String, Map<String, String>> CATEGORY = Map.of(
            "dependency",
            Map.of("*", "origin"),
            "clients",
            Map.of("*", "team"),
            "victims",
            Map.of(
                    "victims",
                    "age",
                    "aangifte_made",
                    "age",
                    "declined",
                    "age",
                    "heard",
                    "hearing",
                    "heard_aangifte",
                    "hearing",
                    "reason_mentions",
                    "reason",
                    "marker_mentions",
                    "marker",
                    "victims_by_channel",
                    "channel"),
            "runaways",
            Map.of("*", "institution"),
            "care",
            Map.of("*", "careType"));
    /** Same subjects, other name: victims by channel are the victims; aangifte made is always a hearing (V1_11_0). */
    private static final Map<String, String> SAME_AS = Map.of(
            "victims_by_channel",
            "victims",
            "heard_aangifte",
            "aangifte_made",
            "MISSING_TO_REPORTED.people",
            "episodes",
            "MISSING_TO_REPORTED.events",
            "reported",
            "MISSING_TO_FOUND.people",
            "episodes",
            "MISSING_TO_FOUND.events",
            "found",
            "REFERRAL_TO_START.people",
            "referrals",
            "REFERRAL_TO_START.events",
            "started");
    /** Measure 3's people at risk and events, as the chain counts they are. */
    static final Map<String, String[]> THROUGHPUT = Map.of(
            "IN_VIEW_TO_OM_INFLOW",
            new String[] {"s_in_view", "s_om_inflow"},
            "OM_INFLOW_TO_DECISION",
            new String[] {"s_om_inflow", "s_decision"},
            "OM_INFLOW_TO_VERDICT",
            new String[] {"s_om_inflow", "s_verdict"});

    final List<Observation> observations = new ArrayList<>();
    final List<Sum> sums = new ArrayList<>();
    final Map<String, Integer> published = new TreeMap<>();
    private final Api api;

    Publications(Api api) {
        this.api = api;
    }

    /** The screen report (JSON) of one of the five measures. */
    void report(String measure, Cut cut) {
        JsonNode r = get("api/reports/" + measure + (cut.query().isEmpty() ? "" : "?" + cut.query()));
        String where = measure + " screen " + (cut.query().isEmpty() ? "all" : cut.query());
        List<JsonNode> sections = new ArrayList<>();
        (r.has("sections") ? r.get("sections") : List.of(r)).forEach(sections::add);
        for (JsonNode section : sections) {
            List<String> categories = ReportJson.texts(section.get("categories"));
            for (JsonNode table : section.get("tables")) {
                table(measure, cut, table.get("metric").asText(), categories, rows(table), where);
            }
            funnel(measure, cut, section.get("funnelPlot"), where);
        }
        for (JsonNode curve : r.path("survival")) {
            for (JsonNode row : ReportJson.rowsWithNational(curve)) {
                for (String part : List.of("people", "events")) {
                    observe(
                            key(
                                    measure,
                                    curve.get("interval").asText() + "." + part,
                                    row.get("region").asText(),
                                    "TOTAL",
                                    cut),
                            value(row.get(part)),
                            where + " curve");
                }
            }
        }
        count(measure + " screen");
    }

    /** Measure 3: people who reached the first stage and those who reached the next, per region. */
    void throughput(String interval, Cut cut) {
        JsonNode r = get("api/reports/throughput/" + interval + (cut.query().isEmpty() ? "" : "?" + cut.query()));
        String[] metrics = THROUGHPUT.get(interval);
        for (JsonNode row : ReportJson.rowsWithNational(r)) {
            for (int i = 0; i < 2; i++) {
                observe(
                        key("dependency", metrics[i], row.get("region").asText(), "TOTAL", cut),
                        value(row.get(i == 0 ? "people" : "reached")),
                        "throughput " + interval + " " + cut.query());
            }
        }
        count("throughput screen");
    }

    /**
     * The programme monitor of one year (issue 16): every count behind a figure, its trend (the nine years
     * before), its regions, parts and funnel plot, as the variable it is. A monitor figure read from a report is
     * that report's cell (same definition, same key); its own counts are variables of their own: victims with an
     * estimate and aangifte made within a marker (subsets of measure 4's victims and marker mentions), the
     * estimated clients, and the calendar year's events.
     */
    void monitor(int year) {
        JsonNode m = get("api/monitor?year=" + year);
        String where = "monitor " + year;
        for (JsonNode s : m.get("sections")) {
            String id = s.get("id").asText();
            for (JsonNode point : s.get("trend")) {
                int y = point.get("year").asInt();
                monitorFigure(id, point.get("national"), "NL", yearCut(y), where + " trend");
            }
            for (JsonNode r : s.get("regions")) {
                monitorFigure(id, r.get("figure"), r.get("region").asText(), yearCut(year), where + " regions");
            }
            for (JsonNode part : s.get("parts")) {
                monitorFigure(
                        id + ":" + part.get("id").asText(),
                        part.get("national"),
                        "NL",
                        yearCut(year),
                        where + " parts");
            }
            // Funnel points repeat the regions' published counts (a part published above its whole drawn as the whole).
        }
        for (JsonNode row : m.get("calendar").get("rows")) {
            String event = row.get("event").asText();
            // A figure the monitor does not have (a report without the table that year) publishes nothing.
            if (row.get("byEventYear").hasNonNull("numerator")) {
                observe(
                        new CellKey("event_" + event, "NL", year * 4, year * 4 + 3, new TreeMap<>()),
                        row.get("byEventYear").get("numerator").asLong(),
                        where + " calendar");
            }
            if (row.get("byOpeningYear").hasNonNull("numerator")) {
                observe(
                        key(
                                event.equals("aangifte_made") ? "victims" : "dependency",
                                event,
                                "NL",
                                "TOTAL",
                                yearCut(year)),
                        row.get("byOpeningYear").get("numerator").asLong(),
                        where + " calendar");
            }
        }
        count("monitor");
        monitorPdf(year, m);
    }

    /**
     * The monitor's PDF publishes the page's cells and nothing else: it is rendered from the same view, so its
     * counts are the JSON's observations; here its text must hold every sentence of the JSON (the same view)
     * and show no figure of a section where the JSON withholds it.
     */
    private void monitorPdf(int year, JsonNode m) {
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(api.getBytes("api/monitor/pdf?year=" + year + "&lang=nl"))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode nl = get("api/monitor?year=" + year + "&lang=nl");
        for (JsonNode s : nl.get("sections")) {
            assertTrue(
                    text.contains(s.get("sentence").asText().replaceAll("\\s+", "")),
                    "monitor PDF " + year + " " + s.get("id") + ": the page's sentence");
            if (s.get("national").get("value").isNull()) {
                assertTrue(
                        text.contains(("Landelijk" + year + ":x").replaceAll("\\s+", "")),
                        "monitor PDF " + year + " " + s.get("id") + ": withheld is x");
            }
        }
        count("monitor pdf");
    }

    private static Cut yearCut(int year) {
        return new Cut("year=" + year, "POLICE_UNIT", year * 4, year * 4 + 3, Map.of());
    }

    /** The numerator and denominator keys of a monitor figure (a section or "section:part"); null where it has none. */
    /** The pilot the test set up for measure 7: its first quarter (index) and its units as "A+B"; it runs on. */
    private int pilotStart = Integer.MAX_VALUE;

    private String pilotUnits;

    void pilot(int startQuarter, String units) {
        this.pilotStart = startQuarter;
        this.pilotUnits = units;
    }

    private CellKey[] monitorKeys(String figure, String region, Cut cut) {
        String[] p = figure.split(":");
        String part = p.length > 1 ? p[1] : "";
        String category = part.contains(".") ? part.substring(part.indexOf('.') + 1) : "TOTAL";
        return switch (p[0] + (part.isEmpty() ? "" : ":" + part.replaceAll("\\..*", ""))) {
            case "dependency" ->
                new CellKey[] {
                    key("dependency", "cases", region, "AANGIFTE", cut),
                    key("dependency", "cases", region, "TOTAL", cut)
                };
            case "dependency:omInflow", "throughput", "throughput:within90", "throughput:within180" ->
                new CellKey[] {
                    key("dependency", "s_om_inflow", region, category, cut),
                    key("dependency", "s_in_view", region, category, cut)
                };
            case "suspectsOm" -> new CellKey[] {key("dependency", "s_om_inflow", region, "TOTAL", cut), null};
            case "clients" ->
                new CellKey[] {
                    key("clients", "c_om_inflow", region, "TOTAL", cut), key("clients", "clients", region, "TOTAL", cut)
                };
            case "clients:convicted" ->
                new CellKey[] {
                    key("clients", "c_conviction", region, category, cut),
                    key("clients", "clients", region, category, cut)
                };
            case "clients:identified", "clientsEstimated:identified" ->
                new CellKey[] {key("clients", "clients", region, "TOTAL", cut), null};
            case "clientsEstimated" ->
                new CellKey[] {
                    key("clients", "clients", region, "TOTAL", cut), own("estimated_clients", region, cut, Map.of())
                };
            case "clientsEstimated:estimated" -> new CellKey[] {own("estimated_clients", region, cut, Map.of()), null};
            case "clientsEstimated:withEstimate" ->
                new CellKey[] {own("victims_with_estimate", region, cut, Map.of()), null};
            case "vulnerable", "vulnerable:share" ->
                new CellKey[] {
                    key("victims", "marker_mentions", region, part.isEmpty() ? "LVB" : category, cut),
                    key("victims", "victims", region, "TOTAL", cut)
                };
            case "vulnerable:aangifte" ->
                category.equals("TOTAL")
                        ? new CellKey[] {
                            key("victims", "aangifte_made", region, "TOTAL", cut),
                            key("victims", "victims", region, "TOTAL", cut)
                        }
                        : new CellKey[] {
                            own("aangifte_made", region, cut, Map.of("marker", category)),
                            key("victims", "marker_mentions", region, category, cut)
                        };
            case "runaways" ->
                new CellKey[] {
                    key("runaways", "victimised", region, "TOTAL", cut),
                    key("runaways", "episodes", region, "TOTAL", cut)
                };
            case "runaways:daysToFind" ->
                new CellKey[] {
                    key("runaways", "found", region, "TOTAL", cut), key("runaways", "episodes", region, "TOTAL", cut)
                };
            case "runaways:daysToReport" ->
                new CellKey[] {
                    key("runaways", "reported", region, "TOTAL", cut), key("runaways", "episodes", region, "TOTAL", cut)
                };
            case "care" ->
                new CellKey[] {
                    key("care", "started", region, "TOTAL", cut), key("care", "referrals", region, "TOTAL", cut)
                };
            case "care:started" ->
                new CellKey[] {
                    key("care", "started", region, "TOTAL", cut), key("care", "referrals", region, "TOTAL", cut)
                };
            // Measure 7: suspects at OM inflow (over FTE, an input); the victims and aangiften made of each compared
            // group.
            case "context" -> new CellKey[] {key("dependency", "s_om_inflow", region, "TOTAL", cut), null};
            case "context:priority" -> contextKeys(region, cut, Map.of("priority", category));
            case "context:pilot" ->
                contextKeys(
                        region,
                        new Cut(cut.query(), cut.level(), Math.max(pilotStart, cut.from()), cut.to(), Map.of()),
                        Map.of("units", pilotUnits, "tag", category));
            case "context:pilotStart" ->
                contextKeys(
                        region,
                        category.equals("before")
                                ? new Cut(cut.query(), cut.level(), pilotStart - 4, pilotStart - 1, Map.of())
                                : new Cut(cut.query(), cut.level(), pilotStart, pilotStart + 3, Map.of()),
                        Map.of("units", pilotUnits));
            default ->
                new CellKey[] {null, null
                }; // the dark number: its own test (DarkNumberAttack); neverInChain: a difference of the above
        };
    }

    private static CellKey[] contextKeys(String region, Cut cut, Map<String, String> dims) {
        return new CellKey[] {own("aangifte_made", region, cut, dims), own("victims", region, cut, dims)};
    }

    private static CellKey own(String metric, String region, Cut cut, Map<String, String> dims) {
        return new CellKey(
                metric,
                region.equals("NL") ? "NL" : PREFIX.get(cut.level()) + region,
                cut.from(),
                cut.to(),
                new TreeMap<>(dims));
    }

    private void monitorFigure(String figure, JsonNode f, String region, Cut cut, String where) {
        if (f == null || f.isNull()) {
            return;
        }
        CellKey[] keys = monitorKeys(figure, region, cut);
        if (f.hasNonNull("numerator")) {
            observe(keys[0], f.get("numerator").asLong(), where + " " + figure);
        }
        if (f.hasNonNull("denominator") && keys[1] != null) {
            observe(keys[1], f.get("denominator").asLong(), where + " " + figure);
        }
    }

    /** CSV and XLSX exports (the same long rows). */
    void exports(String measure, Cut cut) throws Exception {
        String path = "api/reports/" + measure + "/export";
        String q = cut.query().isEmpty() ? "" : "?" + cut.query();
        Api.Reply csv = api.send("GET", path + ".csv" + q, null, Map.of("Accept", "text/csv"));
        assertEquals(200, csv.status(), csv.toString());
        exportRows(
                measure,
                cut,
                CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords().stream()
                        .map(CSVRecord::toList)
                        .toList(),
                measure + " CSV " + cut.query());
        exportRows(
                measure,
                cut,
                ExportCheck.xlsxRows(ExportCheck.download(api, path + ".xlsx" + q)),
                measure + " XLSX " + cut.query());
        count(measure + " CSV+XLSX");
    }

    private void exportRows(String measure, Cut cut, List<List<String>> rows, String where) {
        for (List<String> row : rows) {
            if (row.size() >= 5 && row.get(0).equals("count")) {
                observe(key(measure, row.get(1), row.get(2), row.get(3), cut), number(row.get(4)), where);
            }
        }
    }

    /**
     * The printable page of one region (measures 1 and 2): its row and the national row of every count
     * table. The page is worded in the reader's language, so its tables are read by position: the count
     * tables come first, in the order of the report's JSON, with its categories, then the region's row
     * and the national row.
     */
    void print(String measure, Cut cut, String region) {
        String q = cut.query().isEmpty() ? "" : "?" + cut.query();
        JsonNode screen = get("api/reports/" + measure + q);
        List<String> categories = ReportJson.texts(screen.get("categories"));
        Api.Reply r =
                api.send("GET", "api/reports/" + measure + "/print/" + region + q, null, Map.of("Accept", "text/html"));
        assertEquals(200, r.status(), r.toString());
        Matcher table = Pattern.compile("<caption>([^<]*)</caption><thead><tr>(.*?)</tr></thead><tbody>(.*?)</tbody>")
                .matcher(r.body());
        for (int t = 0; t < screen.get("tables").size() && table.find(); t++) {
            String metric = screen.get("tables").get(t).get("metric").asText();
            Matcher row = Pattern.compile("<tr><th scope=\"row\">([^<]*)</th>(.*?)</tr>")
                    .matcher(table.group(3));
            for (String code : List.of(region, "NL")) {
                assertTrue(row.find(), measure + " print " + region + ": a row for " + code);
                List<String> values = cells(row.group(2), "td");
                assertEquals(categories.size() + 1, values.size(), measure + " print " + region + " " + metric);
                for (int c = 0; c < values.size(); c++) {
                    String category = c < categories.size() ? categories.get(c) : "TOTAL";
                    observe(
                            key(measure, metric, code, category, cut),
                            number(values.get(c)),
                            measure + " print " + region + " " + cut.query());
                }
            }
        }
        count(measure + " print");
    }

    /** An indicator a coordinator defines: one counter, optionally filtered, per police unit and year. */
    void indicator(String metric, Map<String, String> filter, int fromYear, int toYear) {
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("name", "Aanval " + metric + " " + filter, "metric", metric));
        body.putAll(filter);
        Api.Reply defined = api.post("api/indicators", body);
        assertEquals(200, defined.status(), defined.toString());
        JsonNode rows = get("api/indicators/" + defined.json().get("id").asLong() + "/results?from=" + fromYear + "&to="
                        + toYear)
                .get("rows");
        for (JsonNode row : rows) {
            int year = row.get("year").asInt();
            Cut cut = new Cut("", "POLICE_UNIT", year * 4, year * 4 + 3, filter);
            observe(
                    key("dependency", metric, row.get("region").asText(), "TOTAL", cut),
                    row.get("actual").isNull() ? null : row.get("actual").asLong(),
                    "indicator " + metric + " " + filter);
        }
        count("indicator");
    }

    private void table(
            String measure, Cut cut, String metric, List<String> categories, List<JsonNode> rows, String where) {
        List<CellKey> national = new ArrayList<>();
        Map<String, List<CellKey>> columns = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String region = row.get("region").asText();
            List<CellKey> parts = new ArrayList<>();
            for (int c = 0; c <= categories.size(); c++) {
                String category = c < categories.size() ? categories.get(c) : "TOTAL";
                CellKey k = key(measure, metric, region, category, cut);
                observe(k, value(c < categories.size() ? row.get("cells").get(c) : row.get("total")), where);
                if (k != null && c < categories.size()) {
                    parts.add(k);
                }
                if (k != null) {
                    columns.computeIfAbsent(category, x -> new ArrayList<>()).add(k);
                }
            }
            CellKey total = key(measure, metric, region, "TOTAL", cut);
            if (total != null) {
                sums.add(new Sum("row margin of " + measure + " " + metric, total, parts));
            }
        }
        if (!cut.level().equals("MUNICIPALITY")) {
            for (List<CellKey> column : columns.values()) {
                CellKey nl = column.get(column.size() - 1);
                sums.add(new Sum(
                        "column margin of " + measure + " " + metric, nl, column.subList(0, column.size() - 1)));
            }
        }
    }

    private void funnel(String measure, Cut cut, JsonNode plot, String where) {
        if (plot == null || plot.isNull() || !plot.hasNonNull("rate")) {
            return;
        }
        String[] rate = plot.get("rate").asText().split("_per_");
        for (JsonNode p : plot.get("points")) {
            observe(
                    key(measure, rate[0], p.get("region").asText(), "TOTAL", cut),
                    p.get("events").asLong(),
                    where + " funnel plot");
            observe(
                    key(measure, rate[1], p.get("region").asText(), "TOTAL", cut),
                    p.get("n").asLong(),
                    where + " funnel plot");
        }
    }

    /** The key of a published count, or null for a cell that the cut's own filter makes zero (another origin in an origin cut). */
    static CellKey key(String measure, String metric, String region, String category, Cut cut) {
        TreeMap<String, String> dims = new TreeMap<>(cut.filters());
        if (!category.equals("TOTAL")) {
            Map<String, String> byMetric = CATEGORY.get(measure);
            String dim = byMetric.getOrDefault(metric, byMetric.get("*"));
            if (dims.containsKey(dim) && !dims.get(dim).equals(category)) {
                return null;
            }
            dims.put(dim, category);
        }
        String r = region.equals("NL") ? "NL" : PREFIX.get(cut.level()) + region;
        return new CellKey(SAME_AS.getOrDefault(metric, metric), r, cut.from(), cut.to(), dims);
    }

    private void observe(CellKey k, Long value, String where) {
        if (k != null) {
            observations.add(new Observation(k, value, where));
        }
    }

    private void count(String what) {
        published.merge(what, 1, Integer::sum);
    }

    private JsonNode get(String path) {
        Api.Reply r = api.get(path);
        assertEquals(200, r.status(), path + ": " + r);
        return r.json();
    }

    private static List<JsonNode> rows(JsonNode table) {
        return ReportJson.rowsWithNational(table);
    }

    private static Long value(JsonNode cell) {
        return cell == null || cell.get("value") == null || cell.get("value").isNull()
                ? null
                : cell.get("value").asLong();
    }

    private static Long number(String text) {
        String t = text.trim();
        return t.matches("\\d+") ? Long.valueOf(t) : null;
    }

    private static List<String> cells(String html, String tag) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "[^>]*>([^<]*)</" + tag + ">").matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&amp;", "&"));
        }
        return out;
    }
}
