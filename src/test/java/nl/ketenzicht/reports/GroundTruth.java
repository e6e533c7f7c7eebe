package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import nl.ketenzicht.reports.ReportWorld.Kase;
import nl.ketenzicht.reports.ReportWorld.Party;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.reports.stats.Proportion;
import nl.ketenzicht.support.Db;

/**
 * The figures a report must show, computed in plain Java from the records the test wrote, and the
 * check of a published report against them. Measures 1–2: every published count is the perturbation
 * of the true count with the cell key computed here from the cases (count × the key of the case's
 * dimensions, from the database's secret, README "Disclosure control"); measures 4–6 (prepared
 * figures): every published count lies in the preimage of the true one. Small counts are never
 * published; rates are exactly the Wilson interval of the published counts.
 */
final class GroundTruth {

    private static final Map<String, ToLongFunction<Kase>> METRICS = new HashMap<>();

    static {
        METRICS.put("cases", k -> 1);
        METRICS.put("victims", k -> count(k, "VICTIM", p -> true));
        METRICS.put("s_in_view", k -> count(k, "SUSPECT", p -> p.reached("IN_VIEW")));
        METRICS.put("s_om_inflow", k -> count(k, "SUSPECT", p -> p.reached("OM_INFLOW")));
        METRICS.put("s_summons", k -> count(k, "SUSPECT", Party::summoned));
        METRICS.put("s_conviction", k -> count(k, "SUSPECT", Party::convicted));
        METRICS.put("s_custody", k -> count(k, "SUSPECT", Party::custody));
        METRICS.put("clients", k -> count(k, "CLIENT", p -> true));
        METRICS.put("c_om_inflow", k -> count(k, "CLIENT", p -> p.reached("OM_INFLOW")));
        METRICS.put("c_summons", k -> count(k, "CLIENT", Party::summoned));
        METRICS.put("c_conviction", k -> count(k, "CLIENT", Party::convicted));
        METRICS.put("c_custody", k -> count(k, "CLIENT", Party::custody));
        METRICS.put("c_age_check", k -> count(k, "CLIENT", p -> p.ageCheck));
    }

    private static String secret;
    private final Map<String, Map<String, Map<String, Long>>> byMetric = new HashMap<>();
    /** metric → region → category → counter row key tk → records. */
    private final Map<String, Map<String, Map<String, Map<Long, Long>>>> rowsByMetric = new HashMap<>();

    GroundTruth(
            List<Kase> cases,
            Measure measure,
            String level,
            int fromQuarter,
            int toQuarter,
            String origin,
            String form,
            String team) {
        for (Kase k : cases) {
            boolean in = k.quarterIndex() >= fromQuarter
                    && k.quarterIndex() <= toQuarter
                    && (origin == null || origin.equals(k.origin))
                    && (team == null || team.equals(k.team))
                    && (form == null || k.forms.contains(form));
            if (!in) {
                continue;
            }
            String region = switch (level) {
                case "POLICE_UNIT" -> k.place.unit();
                case "COURT_DISTRICT" -> k.place.district();
                default -> k.place.office();
            };
            String category = measure == Measure.DEPENDENCY ? k.origin : k.team;
            long tk = key(k);
            for (String metric : measure.metrics()) {
                long n = METRICS.get(metric).applyAsLong(k);
                byMetric.computeIfAbsent(metric, m -> new HashMap<>())
                        .computeIfAbsent(region, r -> new HashMap<>())
                        .merge(category, n, Long::sum);
                rowsByMetric
                        .computeIfAbsent(metric, m -> new HashMap<>())
                        .computeIfAbsent(region, r -> new HashMap<>())
                        .computeIfAbsent(category, c -> new HashMap<>())
                        .merge(tk, n, Long::sum);
            }
        }
    }

    /** Prepared figures (measures 4–6): metric → region (REST included) → category → count. */
    GroundTruth(Map<String, Map<String, Map<String, Long>>> byMetric) {
        this.byMetric.putAll(byMetric);
    }

    /** The key of a case's finest counter cell, written from the README's definition. */
    private static long key(Kase k) {
        String text = String.join(
                "|",
                secret(),
                k.place.unit(),
                k.place.district(),
                k.place.office(),
                Integer.toString(k.openedOn.getYear()),
                Integer.toString((k.openedOn.getMonthValue() + 2) / 3),
                k.origin,
                k.team,
                String.join(",", new java.util.TreeSet<>(k.forms)));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String secret() {
        if (secret == null) {
            try (Connection c = Db.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT secret FROM report_key WHERE id = 1")) {
                rs.next();
                secret = rs.getString(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return secret;
    }

    private static long count(Kase k, String kind, Predicate<Party> p) {
        return k.parties.stream().filter(x -> x.kind.equals(kind)).filter(p).count();
    }

    /** The true value of a metric for a region ("NL" = all) and a category ("TOTAL" = all). */
    long value(String metric, String region, String category) {
        return byMetric.getOrDefault(metric, Map.of()).entrySet().stream()
                .filter(e -> region.equals("NL") || e.getKey().equals(region))
                .flatMap(e -> e.getValue().entrySet().stream())
                .filter(e -> category.equals("TOTAL") || e.getKey().equals(category))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /**
     * The published value of a metric's cell (measures 1–2): the perturbation of its truth with the key of its
     * counter rows, written from the README: the sum of records × tk, and the earliest arrival, the least
     * −ln(1 − (tk + ½)/2³²) / records over its rows.
     */
    long published(String metric, String region, String category) {
        Map<Long, Long> rows = new HashMap<>();
        rowsByMetric.getOrDefault(metric, Map.of()).entrySet().stream()
                .filter(e -> region.equals("NL") || e.getKey().equals(region))
                .flatMap(e -> e.getValue().entrySet().stream())
                .filter(e -> category.equals("TOTAL") || e.getKey().equals(category))
                .forEach(e -> e.getValue().forEach((tk, n) -> rows.merge(tk, n, Long::sum)));
        long sum = 0;
        double earliest = Double.POSITIVE_INFINITY;
        for (Map.Entry<Long, Long> row : rows.entrySet()) {
            sum += row.getKey() * row.getValue();
            if (row.getValue() > 0) {
                earliest = Math.min(earliest, -Math.log(1 - (row.getKey() + 0.5) / 4294967296.0) / row.getValue());
            }
        }
        return CellKeyPerturbation.publish(
                value(metric, region, category), new CellKeyPerturbation.Key(sum & 0xFFFF_FFFFL, earliest));
    }

    /** Checks a published count: exactly its perturbation where keys are known, else within its preimage. */
    void checkCount(String metric, String region, String category, long p) {
        long truth = value(metric, region, category);
        String where = metric + " " + region + " " + category + " (true " + truth + ", published " + p + ")";
        assertFalse(p >= 1 && p < CellKeyPerturbation.K, "a count in 1..k-1 is never published: " + where);
        if (!rowsByMetric.isEmpty()) {
            assertEquals(published(metric, region, category), p, "published count: " + where);
        } else {
            long[] range = CellKeyPerturbation.preimage(p);
            assertTrue(
                    range[0] <= truth && truth <= range[1], "published count within the documented distance: " + where);
        }
    }

    /** Checks every count, rate and ratio of a published report; returns how many rates were shown. */
    int check(JsonNode report, int k) {
        List<String> categories = ReportJson.texts(report.get("categories"));
        Map<String, JsonNode> published = new HashMap<>();
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : ReportJson.rowsWithNational(table)) {
                for (int c = 0; c <= categories.size(); c++) {
                    String category = c < categories.size() ? categories.get(c) : "TOTAL";
                    JsonNode cell = c < categories.size() ? row.get("cells").get(c) : row.get("total");
                    checkCell(table.get("metric").asText(), row.get("region").asText(), category, cell, k);
                    published.put(
                            table.get("metric").asText() + "/"
                                    + row.get("region").asText() + "/" + category,
                            cell);
                }
            }
        }
        int shown = 0;
        for (JsonNode table : report.get("rates")) {
            for (JsonNode row : ReportJson.rowsWithNational(table)) {
                for (int c = 0; c <= categories.size(); c++) {
                    String category = c < categories.size() ? categories.get(c) : "TOTAL";
                    JsonNode rate = c < categories.size() ? row.get("cells").get(c) : row.get("total");
                    shown += checkRate(table, row.get("region").asText(), category, rate, published) ? 1 : 0;
                }
            }
        }
        return shown;
    }

    private void checkCell(String metric, String region, String category, JsonNode cell, int k) {
        assertFalse(
                cell.get("value").isNull(),
                "perturbation withholds no count: " + metric + " " + region + " " + category);
        checkCount(metric, region, category, cell.get("value").asLong());
    }

    private boolean checkRate(
            JsonNode table, String region, String category, JsonNode rate, Map<String, JsonNode> published) {
        boolean share = table.get("kind").asText().equals("SHARE");
        String metric = table.get("numerator").asText();
        String denominatorMetric = table.get("denominator").asText();
        String denominatorRegion = share && category.equals("TOTAL") ? "NL" : region;
        String denominatorCategory = share ? "TOTAL" : category;
        // Rates come from the published counts only; a perturbed subset above its whole counts as the whole.
        long n = published
                .get(denominatorMetric + "/" + denominatorRegion + "/" + denominatorCategory)
                .get("value")
                .asLong();
        long x = Math.min(
                n,
                published
                        .get(metric + "/" + region + "/" + category)
                        .get("value")
                        .asLong());
        String where = table.get("name").asText() + " " + region + " " + category + " (" + x + "/" + n + ")";
        if (rate.get("rate").isNull()) {
            assertEquals(0, n, "a rate of published counts must be shown: " + where);
            return false;
        }
        Proportion p = Proportion.wilson(x, n);
        assertEquals(p.rate().getAsDouble(), rate.get("rate").asDouble(), 1e-9, where);
        assertEquals(p.lower().getAsDouble(), rate.get("lower").asDouble(), 1e-9, where);
        assertEquals(p.upper().getAsDouble(), rate.get("upper").asDouble(), 1e-9, where);
        assertNotNull(rate.get("upper"));
        return true;
    }
}
