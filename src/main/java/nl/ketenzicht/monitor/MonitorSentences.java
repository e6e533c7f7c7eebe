package nl.ketenzicht.monitor;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.monitor.MonitorViews.Part;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.web.Messages;

/**
 * One plain sentence per section, generated from its published figures with the texts of the resource
 * bundles ({@code monitor.<section>.sentence}), in Dutch or English. It describes; it never says why
 * (no causal wording). Percentages have one decimal, days and counts none, as on the page.
 */
final class MonitorSentences {

    private final String language;
    private final Map<String, String> texts;
    private final List<RegionRef> regions;

    MonitorSentences(String language, List<RegionRef> regions) {
        this.language = language;
        this.texts = Messages.of(language).orElseThrow();
        this.regions = regions;
    }

    String cannotTell(String section) {
        return text("monitor." + section + ".cannotTell");
    }

    String sentence(
            String section, int year, Figure national, Figure unitFigure, String unit, List<Part> parts, Long target) {
        if (!national.present()) {
            return text("monitor.sentence.none", year);
        }
        String kind = kind(section);
        StringBuilder s = new StringBuilder(
                switch (section) {
                    case "invisible" ->
                        text(
                                "monitor.invisible.sentence",
                                year,
                                percent(national.value()),
                                percent(national.lower()),
                                percent(national.upper()),
                                count(national.numerator()),
                                count(national.denominator()));
                    case "dependency" ->
                        text(
                                "monitor.dependency.sentence",
                                year,
                                percent(national.value()),
                                percent(national.lower()),
                                percent(national.upper()),
                                percentOrX(part(parts, "omInflow.AANGIFTE")),
                                percentOrX(part(parts, "omInflow.AMBTSHALVE")));
                    case "suspectsOm" ->
                        text(
                                "monitor.suspectsOm.sentence",
                                year,
                                count(national.numerator()),
                                count(Math.round(national.lower())),
                                count(Math.round(national.upper())));
                    case "clients" ->
                        text(
                                "monitor.clients.sentence",
                                year,
                                percent(national.value()),
                                count(national.denominator()),
                                percent(national.lower()),
                                percent(national.upper()),
                                percentOrX(part(parts, "convicted")));
                    case "clientsEstimated" ->
                        text(
                                "monitor.clientsEstimated.sentence",
                                year,
                                count(national.numerator()),
                                count(national.denominator()),
                                percent(national.value()),
                                percent(national.lower()),
                                percent(national.upper()),
                                countOrX(part(parts, "neverInChain")));
                    case "throughput" ->
                        text(
                                "monitor.throughput.sentence",
                                year,
                                percent(national.value()),
                                percent(national.lower()),
                                percent(national.upper()));
                    case "vulnerable" ->
                        text(
                                "monitor.vulnerable.sentence",
                                year,
                                percent(national.value()),
                                percent(national.lower()),
                                percent(national.upper()),
                                percentOrX(part(parts, "aangifte.LVB")),
                                percentOrX(part(parts, "aangifte")));
                    case "runaways" ->
                        text(
                                "monitor.runaways.sentence",
                                year,
                                percent(national.value()),
                                count(national.denominator()),
                                percent(national.lower()),
                                percent(national.upper()));
                    case "care" ->
                        text(
                                "monitor.care.sentence",
                                year,
                                days(national.value()),
                                days(national.lower()),
                                days(national.upper()));
                    default -> throw new IllegalArgumentException("no section " + section);
                });
        if (unit != null) {
            s.append(' ')
                    .append(
                            unitFigure != null && unitFigure.present()
                                    ? text(
                                            "monitor.sentence.unit",
                                            name(unit),
                                            value(kind, unitFigure.value()),
                                            value(kind, unitFigure.lower()),
                                            value(kind, unitFigure.upper()))
                                    : text("monitor.sentence.unitNone", name(unit)));
        }
        if ("suspectsOm".equals(section)) {
            Double shown = unit == null ? national.value() : unitFigure == null ? null : unitFigure.value();
            if (target == null) {
                s.append(' ').append(text("monitor.target.none"));
            } else if (shown != null) {
                long actual = Math.round(shown);
                s.append(' ')
                        .append(
                                actual >= target
                                        ? text("monitor.target.met", count(target))
                                        : text("monitor.target.below", count(target), count(target - actual)));
            }
        }
        return s.toString();
    }

    /**
     * Measure 7's sentence: suspects at OM inflow per investigator FTE, then each comparison's two aangifte rates
     * and their difference (percentage points, Newcombe's interval). Side by side, never why: the words say
     * "against", "a difference of", not what brought it about.
     */
    String context(int year, Figure national, Figure unitFigure, String unit, List<Part> parts, String pilot) {
        StringBuilder s = new StringBuilder(
                national.present()
                        ? text(
                                "monitor.context.sentence",
                                year,
                                perFte(national.value()),
                                perFte(national.lower()),
                                perFte(national.upper()))
                        : text("monitor.context.sentence.none", year));
        if (unit != null) {
            s.append(' ')
                    .append(
                            unitFigure != null && unitFigure.present()
                                    ? text(
                                            "monitor.sentence.unit",
                                            name(unit),
                                            perFte(unitFigure.value()),
                                            perFte(unitFigure.lower()),
                                            perFte(unitFigure.upper()))
                                    : text("monitor.sentence.unitNone", name(unit)));
        }
        s.append(' ').append(comparison("priority", "yes", "no", parts, year, null));
        if (pilot == null) {
            s.append(' ').append(text("monitor.context.noPilot", year));
        } else {
            s.append(' ').append(comparison("pilot", "tagged", "untagged", parts, year, pilot));
            s.append(' ').append(comparison("pilotStart", "after", "before", parts, year, pilot));
        }
        return s.toString();
    }

    private String comparison(String id, String a, String b, List<Part> parts, int year, String pilot) {
        Figure d = part(parts, id + ".difference");
        if (!d.present()) {
            return text("monitor.context." + id + ".none", year, pilot);
        }
        return text(
                "monitor.context." + id,
                percent(part(parts, id + "." + a).value()),
                percent(part(parts, id + "." + b).value()),
                points(d.value()),
                points(d.lower()),
                points(d.upper()),
                pilot,
                year);
    }

    /** Suspects per FTE with two decimals: "2,35" (nl), "2.35" (en). */
    String perFte(Double v) {
        if (v == null) {
            return "x";
        }
        DecimalFormat f = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale()));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A difference of shares in percentage points with its sign: 0.032 → "+3,2", −0.015 → "−1,5" (U+2212). */
    String points(Double v) {
        if (v == null) {
            return "x";
        }
        String digits = percent(Math.abs(v));
        digits = digits.substring(0, digits.length() - 1);
        return (digits.matches("[0.,]+") ? "" : v < 0 ? "\u2212" : "+") + digits;
    }

    static String kind(String section) {
        return switch (section) {
            case "suspectsOm" -> "COUNT";
            case "care" -> "DAYS";
            case "context" -> "PER_FTE";
            default -> "RATE";
        };
    }

    private String value(String kind, Double v) {
        return switch (kind) {
            case "COUNT" -> count(v == null ? null : Math.round(v));
            case "DAYS" -> days(v);
            case "PER_FTE" -> perFte(v);
            case "DIFFERENCE" -> points(v);
            default -> percent(v);
        };
    }

    private static Figure part(List<Part> parts, String id) {
        return parts.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .map(Part::national)
                .orElse(Figure.NONE);
    }

    private String countOrX(Figure f) {
        return f.present() ? count(Math.round(f.value())) : "x";
    }

    private String percentOrX(Figure f) {
        return f.present() ? percent(f.value()) : "x";
    }

    private String name(String code) {
        return regions.stream()
                .filter(r -> r.code().equals(code))
                .map(RegionRef::name)
                .findFirst()
                .orElse(code);
    }

    private String text(String key, Object... params) {
        String t = Objects.requireNonNull(texts.get(key), key);
        for (int i = 0; i < params.length; i++) {
            t = t.replace("{" + i + "}", String.valueOf(params[i]));
        }
        return t;
    }

    private Locale locale() {
        return "en".equals(language) ? Locale.UK : Locale.forLanguageTag("nl-NL");
    }

    /** 0.1234 → "12,3%" (nl) or "12.3%" (en). */
    String percent(Double v) {
        if (v == null) {
            return "x";
        }
        DecimalFormat f = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale()));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP); // as the browser's Intl.NumberFormat rounds
        return f.format(v * 100) + "%";
    }

    String count(Long v) {
        if (v == null) {
            return "x";
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale()));
        return f.format(v);
    }

    String days(Double v) {
        return v == null ? "x" : count(Math.round(v));
    }
}
