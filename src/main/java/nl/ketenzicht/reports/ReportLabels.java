package nl.ketenzicht.reports;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.web.Messages;

/**
 * The words of a printed or exported report in one language: measure, metric, rate and section
 * names, regions, categories and the cut, from the interface bundles (the same keys the report
 * pages use) and, for code lists, the reference data's own labels. A code without a label is shown
 * as is, so nothing is ever dropped.
 */
public final class ReportLabels {

    public static final String LANG = "lang";
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    // Which labels name the categories of a table: an enumeration prefix or a reference code list.
    private static final Map<String, String> CATEGORY_PREFIX = Map.of(
            "DEPENDENCY",
            "origin",
            "CLIENTS",
            "teamType",
            "VICTIMS_AANGIFTE",
            "report.ageGroup",
            "VICTIMS_HEARING",
            "psychologist");
    private static final Map<String, String> CATEGORY_LIST = Map.of(
            "VICTIMS_REASONS",
            "NON_REPORTING_REASON",
            "VICTIMS_VULNERABILITY",
            "VULNERABILITY",
            "VICTIMS_CHANNEL",
            "RECRUITMENT_CHANNEL",
            "RUNAWAYS",
            "INSTITUTION_TYPE",
            "CARE",
            "CARE_TYPE");
    private static final Map<String, String> CUT_KEYS = Map.of(
            "level",
            "coordinator.level",
            "origin",
            "case.origin",
            "form",
            "case.exploitationForm",
            "team",
            "case.teamType",
            "ageGroup",
            "report.ageGroup",
            "unit",
            "report.unit");

    private final String language;
    private final Map<String, String> texts;
    private final List<ReferenceViews.Code> codes;

    public ReportLabels(String language, List<ReferenceViews.Code> codes) {
        this.language = Messages.LANGUAGES.contains(language) ? language : "nl";
        this.texts = Messages.of(this.language).orElseThrow();
        this.codes = codes;
    }

    /** The {@code lang} parameter (nl or en) if given, else the first of Accept-Language we have, else Dutch. */
    public static String language(MultivaluedMap<String, String> query, HttpHeaders headers) {
        List<String> asked = query.get(LANG);
        if (asked != null) {
            if (asked.size() != 1 || !Messages.LANGUAGES.contains(asked.get(0))) {
                throw nl.ketenzicht.shared.problem.ProblemException.invalid(
                        LANG,
                        nl.ketenzicht.shared.problem.MessageCode.VALUE_NOT_IN_LIST,
                        Map.of("allowed", String.join(", ", Messages.LANGUAGES)),
                        "Use one of " + Messages.LANGUAGES + ".");
            }
            return asked.get(0);
        }
        return headers == null
                ? "nl"
                : headers.getAcceptableLanguages().stream()
                        .map(Locale::getLanguage)
                        .filter(Messages.LANGUAGES::contains)
                        .findFirst()
                        .orElse("nl");
    }

    /** The query without {@code lang}, which chooses words, not figures. */
    public static Map<String, List<String>> cutOf(Map<String, List<String>> query) {
        Map<String, List<String>> cut = new java.util.LinkedHashMap<>(query);
        cut.remove(LANG);
        return cut;
    }

    public String language() {
        return language;
    }

    public String text(String key, Object... params) {
        String text = texts.getOrDefault(key, key);
        for (int i = 0; i < params.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(params[i]));
        }
        return text;
    }

    public String measure(String measure) {
        return label("report." + measure.toLowerCase(Locale.ROOT) + ".title", measure);
    }

    public String section(String section) {
        return label("report.section." + section, section);
    }

    public String metric(String metric) {
        int dot = metric.lastIndexOf('.');
        if (dot > 0) { // a Kaplan–Meier curve's people or events: "<interval>.people"
            String interval = metric.substring(0, dot);
            String part = metric.substring(dot + 1);
            return interval(interval) + ": " + label("report." + part + "." + interval, label("report." + part, part));
        }
        return label("report.metric." + metric, metric);
    }

    public String rate(String rate) {
        return label("report.rate." + rate, rate);
    }

    /** The name of an exported figure of this kind (count, rate, ratio, median). */
    public String figure(String kind, String name) {
        return switch (kind) {
            case "rate" -> rate(name);
            case "ratio" -> label("report.ratio." + name, name);
            case "median" -> interval(name);
            default -> metric(name);
        };
    }

    public String interval(String interval) {
        return label("report.interval." + interval, interval);
    }

    /** A reference code's label in this language; the code itself if unknown. */
    public String code(String list, String code) {
        return codeLabel(list, code).orElse(code);
    }

    public String kind(String kind) {
        return label("report.export.kind." + kind, kind);
    }

    public String category(String table, String category) {
        if (category.equals("TOTAL")) {
            return text("report.total");
        }
        String list = CATEGORY_LIST.get(table);
        if (list != null) {
            return codeLabel(list, category).orElseGet(() -> label("report.category." + category, category));
        }
        String prefix = CATEGORY_PREFIX.get(table);
        return prefix == null ? category : label(prefix + "." + category, category);
    }

    public String region(String code, List<ReportViews.RegionRef> regions) {
        if (code.equals("NL")) {
            return text("report.national");
        }
        return regions.stream()
                .filter(r -> r.code().equals(code))
                .map(ReportViews.RegionRef::name)
                .findFirst()
                .orElse(code);
    }

    /** The cut as (label, value) lines: the period in words, then level and filters by their labels. */
    public List<String[]> cut(Map<String, String> cut) {
        List<String[]> lines = new java.util.ArrayList<>();
        String from = cut.get("from");
        String to = cut.get("to");
        if (from != null && to != null) {
            lines.add(new String[] {
                text("report.period"),
                from.equals(to) ? quarter(from) : text("report.period.range", quarter(from), quarter(to))
            });
        }
        cut.forEach((key, value) -> {
            if (!key.equals("from") && !key.equals("to")) {
                lines.add(new String[] {
                    label(CUT_KEYS.getOrDefault(key, "report.cut." + key), key), cutValue(key, value)
                });
            }
        });
        return lines;
    }

    private String cutValue(String key, String value) {
        return switch (key) {
            case "level" -> label("coordinator.level." + value, value);
            case "origin" -> label("origin." + value, value);
            case "team" -> label("teamType." + value, value);
            case "ageGroup" -> label("report.ageGroup." + value, value);
            case "form" -> codeLabel("EXPLOITATION_FORM", value).orElse(value);
            default -> value;
        };
    }

    /** "2022-Q3" as "3e kwartaal 2022" / "Q3 2022". */
    public String quarter(String quarter) {
        Matcher m = QUARTER.matcher(quarter);
        return m.matches() ? text("report.quarterText", m.group(1), m.group(2)) : quarter;
    }

    /** A rate as a percentage with one decimal and its interval, in the language's number format. */
    public String percent(Double rate, Double lower, Double upper) {
        if (rate == null) {
            return "–";
        }
        NumberFormat f =
                NumberFormat.getNumberInstance(Locale.forLanguageTag(language.equals("en") ? "en-GB" : "nl-NL"));
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(100 * rate) + " (" + f.format(100 * lower) + "–" + f.format(100 * upper) + ")";
    }

    private Optional<String> codeLabel(String list, String code) {
        return codes.stream()
                .filter(c -> c.list().equals(list) && c.code().equals(code))
                .findFirst()
                .map(c -> language.equals("en") ? c.labelEn() : c.labelNl());
    }

    private String label(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }
}
