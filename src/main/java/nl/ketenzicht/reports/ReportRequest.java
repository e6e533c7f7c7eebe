package nl.ketenzicht.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * A report's cut: a period of whole quarters, a region level and optional filters. Only these
 * dimensions and periods are accepted; anything else is refused, because finer or ad-hoc cuts would
 * let two published reports be subtracted to reveal a small group (differencing).
 */
public record ReportRequest(int fromQuarter, int toQuarter, Level level, String origin, String form, String team) {

    static final Set<String> PARAMETERS = Set.of("year", "quarter", "from", "to", "level", "origin", "form", "team");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final int FIRST = Years.MIN * 4;
    private static final int LAST = Years.MAX * 4 + 3;
    static final Set<String> ORIGINS = Set.copyOf(Codes.of(Origin.values()));
    static final Set<String> FORMS = Set.of("SEXUAL", "LABOUR", "CRIMINAL", "ORGAN_REMOVAL", "OTHER");
    static final Set<String> TEAMS = Set.copyOf(Codes.of(TeamType.values()));

    /** Region levels with their column; municipalities are not offered: their counts are too small. */
    public enum Level {
        POLICE_UNIT("police_unit"),
        COURT_DISTRICT("court_district"),
        PROSECUTION_OFFICE("prosecution_office");

        final String column;

        Level(String column) {
            this.column = column;
        }
    }

    /** Parses query parameters (each at most once), refusing unknown names and values with 400. */
    public static ReportRequest parse(Map<String, List<String>> query) {
        for (var e : query.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw ProblemException.invalid(
                        e.getKey(),
                        MessageCode.REPORT_PARAMETER_UNKNOWN,
                        "Not a report dimension; use " + new java.util.TreeSet<>(PARAMETERS) + ".");
            }
            if (e.getValue().size() != 1) {
                throw ProblemException.invalid(e.getKey(), MessageCode.PARAMETER_REPEATED, "Give this parameter once.");
            }
        }
        Map<String, String> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, v.get(0)));
        int[] period = period(q);
        return new ReportRequest(
                period[0],
                period[1],
                level(q.get("level")),
                oneOf("origin", q.get("origin"), ORIGINS),
                oneOf("form", q.get("form"), FORMS),
                oneOf("team", q.get("team"), TEAMS));
    }

    private static int[] period(Map<String, String> q) {
        boolean year = q.containsKey("year");
        boolean quarter = q.containsKey("quarter");
        boolean range = q.containsKey("from") || q.containsKey("to");
        if ((year ? 1 : 0) + (quarter ? 1 : 0) + (range ? 1 : 0) > 1) {
            throw ProblemException.invalid(
                    "year",
                    MessageCode.PERIOD_ONE_ONLY,
                    "Choose one period: a year, a quarter, or a range of quarters.");
        }
        if (year) {
            String y = q.get("year");
            if (!y.matches("\\d{4}")) {
                throw ProblemException.invalid(
                        "year", MessageCode.PERIOD_YEAR_FORMAT, "A year is four digits, e.g. 2022.");
            }
            Years.check("year", Integer.parseInt(y));
            int n = Integer.parseInt(y) * 4;
            return new int[] {n, n + 3};
        }
        if (quarter) {
            int n = quarter("quarter", q.get("quarter"));
            return new int[] {n, n};
        }
        if (range) {
            int from = quarter("from", q.getOrDefault("from", ""));
            int to = quarter("to", q.getOrDefault("to", ""));
            if (to < from) {
                throw ProblemException.invalid(
                        "to", MessageCode.PERIOD_RANGE_REVERSED, "The range ends before it starts.");
            }
            return new int[] {from, to};
        }
        return new int[] {FIRST, LAST};
    }

    private static int quarter(String field, String value) {
        Matcher m = QUARTER.matcher(value);
        if (!m.matches()) {
            throw ProblemException.invalid(
                    field, MessageCode.PERIOD_QUARTER_FORMAT, "Periods are whole quarters, written like 2022-Q3.");
        }
        Years.check(field, Integer.parseInt(m.group(1)));
        return Integer.parseInt(m.group(1)) * 4 + Integer.parseInt(m.group(2)) - 1;
    }

    private static Level level(String value) {
        if (value == null) {
            return Level.POLICE_UNIT;
        }
        try {
            return Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "level", MessageCode.LEVEL_UNKNOWN, "Use POLICE_UNIT, COURT_DISTRICT or PROSECUTION_OFFICE.");
        }
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.invalid(
                    field,
                    MessageCode.VALUE_NOT_IN_LIST,
                    java.util.Map.of("allowed", String.join(", ", new java.util.TreeSet<>(allowed))),
                    "Use one of " + new java.util.TreeSet<>(allowed) + ".");
        }
        return value;
    }

    /** The cut as shown with the report. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("from", (fromQuarter / 4) + "-Q" + (fromQuarter % 4 + 1));
        d.put("to", (toQuarter / 4) + "-Q" + (toQuarter % 4 + 1));
        d.put("level", level.name());
        if (origin != null) d.put("origin", origin);
        if (form != null) d.put("form", form);
        if (team != null) d.put("team", team);
        return d;
    }

    /**
     * The cut as a WHERE clause over the fact and counter tables, which all carry year, quarter,
     * origin, team_type and forms; its values are appended to {@code params} in order.
     */
    StringBuilder where(List<Object> params) {
        StringBuilder where =
                new StringBuilder(" WHERE year BETWEEN ? AND ? AND year * 4 + quarter - 1 BETWEEN ? AND ?");
        params.addAll(List.of(fromQuarter / 4, toQuarter / 4, fromQuarter, toQuarter));
        if (origin != null) {
            where.append(" AND origin = ?");
            params.add(origin);
        }
        if (team != null) {
            where.append(" AND team_type = ?");
            params.add(team);
        }
        if (form != null) {
            where.append(" AND FIND_IN_SET(?, forms) > 0");
            params.add(form);
        }
        return where;
    }
}
