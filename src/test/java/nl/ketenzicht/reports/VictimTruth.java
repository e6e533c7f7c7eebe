package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ketenzicht.reports.VictimWorld.Victim;
import nl.ketenzicht.reports.stats.FunnelPlot;
import nl.ketenzicht.reports.stats.KaplanMeier;
import nl.ketenzicht.reports.stats.MedianSurvival;
import nl.ketenzicht.reports.stats.SurvivalObservation;

/**
 * Measures 4–6 computed in plain Java from the records the test wrote, and the checks of a published
 * report against them: counts and Wilson rates through {@link GroundTruth}, funnel plots, and
 * Kaplan–Meier medians against a plain product-limit computation written here.
 */
final class VictimTruth {

    /** A cut: region level (MUNICIPALITY with unit), quarters, filters, and the query string. */
    record Cut(
            String level,
            int from,
            int to,
            String origin,
            String form,
            String team,
            String ageGroup,
            String unit,
            String query) {}

    final Map<String, Map<String, Map<String, Long>>> byMetric = new HashMap<>();
    final Map<String, Map<String, List<SurvivalObservation>>> survival = new HashMap<>();
    private final Cut cut;

    VictimTruth(List<Victim> victims, Cut cut, LocalDate today) {
        this.cut = cut;
        for (Victim v : victims) {
            ReportWorld.Kase k = v.kase;
            boolean in = (cut.origin() == null || cut.origin().equals(k.origin))
                    && (cut.team() == null || cut.team().equals(k.team))
                    && (cut.form() == null || k.forms.contains(cut.form()))
                    && (cut.ageGroup() == null
                            || cut.ageGroup().equals(v.ageGroup().name()));
            if (!in) {
                continue;
            }
            String region = region(k.place);
            if (inPeriod(k.openedOn)) {
                add("victims", region, v.ageGroup().name(), 1);
                add("aangifte_made", region, v.ageGroup().name(), v.made() ? 1 : 0);
                add("declined", region, v.ageGroup().name(), v.declined() ? 1 : 0);
                if (!v.hearing().equals("NO_HEARING")) {
                    add("heard", region, v.hearing(), 1);
                    add("heard_aangifte", region, v.hearing(), v.made() ? 1 : 0);
                }
                v.reasons().forEach(r -> add("reason_mentions", region, r, 1));
                v.markers.forEach(m -> add("marker_mentions", region, m, 1));
                if (v.markers.isEmpty()) {
                    add("marker_mentions", region, "NONE", 1);
                }
                add("victims_by_channel", region, v.channel == null ? "UNKNOWN" : v.channel, 1);
            }
            for (VictimWorld.Runaway e : v.runaways) {
                if (inPeriod(e.missing)) {
                    add("episodes", region, e.institution, 1);
                    add("reported", region, e.institution, e.reported == null ? 0 : 1);
                    add("found", region, e.institution, e.found == null ? 0 : 1);
                    add("victimised", region, e.institution, Boolean.TRUE.equals(e.victimised) ? 1 : 0);
                    observe(
                            "MISSING_TO_REPORTED",
                            region,
                            e.reported != null
                                    ? SurvivalObservation.event(days(e.missing, e.reported))
                                    : SurvivalObservation.censored(days(e.missing, e.found != null ? e.found : today)));
                    observe(
                            "MISSING_TO_FOUND",
                            region,
                            e.found != null
                                    ? SurvivalObservation.event(days(e.missing, e.found))
                                    : SurvivalObservation.censored(days(e.missing, today)));
                }
            }
            for (VictimWorld.Referral c : v.referrals) {
                if (inPeriod(c.referred)) {
                    add("referrals", region, c.type, 1);
                    add("started", region, c.type, c.started == null ? 0 : 1);
                    observe(
                            "REFERRAL_TO_START",
                            region,
                            c.started != null
                                    ? SurvivalObservation.event(days(c.referred, c.started))
                                    : SurvivalObservation.censored(days(c.referred, today)));
                }
            }
        }
        alias("MISSING_TO_REPORTED.people", "episodes");
        alias("MISSING_TO_REPORTED.events", "reported");
        alias("MISSING_TO_FOUND.people", "episodes");
        alias("MISSING_TO_FOUND.events", "found");
        alias("REFERRAL_TO_START.people", "referrals");
        alias("REFERRAL_TO_START.events", "started");
    }

    private String region(ReportWorld.Place p) {
        return switch (cut.level()) {
            case "POLICE_UNIT" -> p.unit();
            case "COURT_DISTRICT" -> p.district();
            case "PROSECUTION_OFFICE" -> p.office();
            default -> p.unit().equals(cut.unit()) ? p.municipality() : "REST";
        };
    }

    private boolean inPeriod(LocalDate d) {
        int q = d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
        return q >= cut.from() && q <= cut.to();
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private void add(String metric, String region, String category, long n) {
        byMetric.computeIfAbsent(metric, m -> new HashMap<>())
                .computeIfAbsent(region, r -> new HashMap<>())
                .merge(category, n, Long::sum);
    }

    private void observe(String curve, String region, SurvivalObservation o) {
        survival.computeIfAbsent(curve, c -> new HashMap<>())
                .computeIfAbsent(region, r -> new ArrayList<>())
                .add(o);
    }

    private void alias(String name, String metric) {
        byMetric.put(name, byMetric.getOrDefault(metric, Map.of()));
    }

    long value(String metric, String region) {
        return new GroundTruth(byMetric).value(metric, region, "TOTAL");
    }

    /** Checks every section, funnel plot and curve of a report; returns how many rates were shown. */
    int check(JsonNode report, int k, boolean everyRegionShown) {
        GroundTruth truth = new GroundTruth(byMetric);
        int shown = 0;
        for (JsonNode section : report.get("sections")) {
            shown += truth.check(section, k);
            checkFunnelPlot(section, truth);
            for (JsonNode table : section.get("tables")) {
                SuppressionShape.assertNoLineWithOneWithheld(
                        table, section.get("categories").size());
                if (everyRegionShown) {
                    SuppressionShape.assertColumns(
                            table, section.get("categories").size());
                }
            }
        }
        for (JsonNode curve : report.get("survival")) {
            for (JsonNode row : ReportJson.rowsWithNational(curve)) {
                checkCurveRow(curve.get("interval").asText(), row, k, truth);
            }
        }
        return shown;
    }

    /** The plot is drawn from the section's published totals (a subset above its whole counts as the whole). */
    private void checkFunnelPlot(JsonNode section, GroundTruth truth) {
        JsonNode plot = section.get("funnelPlot");
        if (plot == null || plot.isNull() || plot.get("centre").isNull()) {
            return;
        }
        String[] rate = plot.get("rate").asText().split("_per_");
        long n = publishedTotal(section, rate[1], "NL");
        long events = Math.min(n, publishedTotal(section, rate[0], "NL"));
        assertEquals((double) events / n, plot.get("centre").asDouble(), 1e-12);
        for (JsonNode p : plot.get("points")) {
            String region = p.get("region").asText();
            long regionN = publishedTotal(section, rate[1], region);
            assertEquals(
                    Math.min(regionN, publishedTotal(section, rate[0], region)),
                    p.get("events").asLong(),
                    region);
            assertEquals(regionN, p.get("n").asLong(), region);
            truth.checkCount(rate[1], region, "TOTAL", regionN);
            assertEquals(
                    FunnelPlot.centredOn(events, n)
                            .classify(p.get("events").asLong(), p.get("n").asLong())
                            .name(),
                    p.get("position").asText(),
                    region);
        }
    }

    private static long publishedTotal(JsonNode section, String metric, String region) {
        for (JsonNode t : section.get("tables")) {
            if (t.get("metric").asText().equals(metric)) {
                for (JsonNode row : ReportJson.rowsWithNational(t)) {
                    if (row.get("region").asText().equals(region)) {
                        return row.at("/total/value").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no published total of " + metric + " for " + region);
    }

    private void checkCurveRow(String curve, JsonNode row, int k, GroundTruth truth) {
        String region = row.get("region").asText();
        List<SurvivalObservation> obs = region.equals("NL")
                ? survival.getOrDefault(curve, Map.of()).values().stream()
                        .flatMap(List::stream)
                        .toList()
                : survival.getOrDefault(curve, Map.of()).getOrDefault(region, List.of());
        long people = obs.size();
        long events = obs.stream().filter(SurvivalObservation::event).count();
        String where = curve + " " + region + " (" + events + "/" + people + ")";
        JsonNode p = row.at("/people/value");
        JsonNode e = row.at("/events/value");
        // People and events are the section's perturbed totals: within the documented distance of the truth.
        truth.checkCount(curve + ".people", region, "TOTAL", p.asLong());
        truth.checkCount(curve + ".events", region, "TOTAL", e.asLong());
        if (p.isNull() || e.isNull() || e.asLong() < k) {
            assertTrue(row.get("medianDays").isNull(), "no median from withheld or few events: " + where);
            return;
        }
        Double median = plainMedian(obs);
        if (median == null) {
            assertTrue(row.get("medianDays").isNull(), where);
            assertTrue(!row.get("medianReached").asBoolean(), where);
        } else {
            assertEquals(median, row.get("medianDays").asDouble(), 1e-9, where);
        }
        // The interval: the estimator checked against R in KaplanMeierTest, on this region's true durations.
        MedianSurvival m = KaplanMeier.fit(obs).median();
        assertEquals(
                m.lower().isPresent() ? m.lower().getAsDouble() : null,
                row.get("lower95").isNull() ? null : row.get("lower95").asDouble(),
                where);
        assertEquals(
                m.upper().isPresent() ? m.upper().getAsDouble() : null,
                row.get("upper95").isNull() ? null : row.get("upper95").asDouble(),
                where);
    }

    /**
     * The product-limit median written out plainly: S(t) = Π (1 − d/n) over event times; the median
     * is the first time S drops below one half, or, where S sits exactly at one half, the midpoint
     * between that time and the next event time (the last observed time if none follows).
     */
    static Double plainMedian(List<SurvivalObservation> obs) {
        TreeMap<Double, long[]> byTime = new TreeMap<>();
        obs.forEach(o -> byTime.computeIfAbsent(o.time(), t -> new long[2])[o.event() ? 0 : 1]++);
        long atRisk = obs.size();
        double s = 1;
        Double half = null;
        for (var entry : byTime.entrySet()) {
            long d = entry.getValue()[0];
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                if (half != null) {
                    return (half + entry.getKey()) / 2;
                }
                if (Math.abs(s - 0.5) < 1e-9) {
                    half = entry.getKey();
                } else if (s < 0.5) {
                    return entry.getKey();
                }
            }
            atRisk -= d + entry.getValue()[1];
        }
        return half == null ? null : (half + byTime.lastKey()) / 2;
    }

    /** Withheld totals of tables that share them (same people, other categories) coincide. */
    static void assertLinkedTotals(JsonNode report, String a, String b) {
        JsonNode ta = table(report, a);
        JsonNode tb = table(report, b);
        List<JsonNode> ra = ReportJson.rowsWithNational(ta);
        List<JsonNode> rb = ReportJson.rowsWithNational(tb);
        assertEquals(ra.size(), rb.size());
        for (int i = 0; i < ra.size(); i++) {
            assertEquals(
                    ra.get(i).at("/total/display").asText(),
                    rb.get(i).at("/total/display").asText(),
                    a + "/" + b + " " + ra.get(i).get("region"));
        }
    }

    static JsonNode table(JsonNode report, String metric) {
        for (JsonNode section : report.get("sections")) {
            for (JsonNode t : section.get("tables")) {
                if (t.get("metric").asText().equals(metric)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no table " + metric);
    }

    /** Differencing within a published table: no row (and, with every region shown, no column) has exactly one withheld cell. */
    static final class SuppressionShape {
        private SuppressionShape() {}

        static void assertNoLineWithOneWithheld(JsonNode table, int categories) {
            for (JsonNode row : ReportJson.rowsWithNational(table)) {
                int withheld = row.at("/total/value").isNull() ? 1 : 0;
                for (JsonNode c : row.get("cells")) {
                    withheld += c.get("value").isNull() ? 1 : 0;
                }
                assertNotEquals(
                        1,
                        withheld,
                        "one withheld cell in a row is recoverable: " + table.get("metric") + " " + row.get("region"));
            }
        }

        static void assertColumns(JsonNode table, int categories) {
            for (int c = 0; c <= categories; c++) {
                int withheld = 0;
                for (JsonNode row : ReportJson.rowsWithNational(table)) {
                    JsonNode cell = c < categories ? row.get("cells").get(c) : row.get("total");
                    withheld += cell.get("value").isNull() ? 1 : 0;
                }
                assertNotEquals(
                        1,
                        withheld,
                        "one withheld cell in a column is recoverable: " + table.get("metric") + " column " + c);
            }
        }
    }
}
