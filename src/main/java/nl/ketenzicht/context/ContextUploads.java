package nl.ketenzicht.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.PriorityRequest;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * CSV uploads of capacity and local priorities: a preview says per row what would change (new,
 * changed, unchanged) and what is wrong with it; a commit saves every row or none. Rows are checked
 * with the API's own rules and scope, so a row is refused for what the API would refuse; an upload
 * saves over the current version (its preview showed it), making a new version only where a value
 * changes, and is logged as one change naming its rows.
 */
@RequestScoped
@Transactional
public class ContextUploads {

    static final Map<String, List<String>> CAPACITY_COLUMNS = columns(
            "policeUnit",
            List.of("eenheid", "politie-eenheid", "police_unit"),
            "year",
            List.of("jaar"),
            "avim",
            List.of("fte_avim"),
            "zeden",
            List.of("vice", "fte_zeden"),
            "digital",
            List.of("digitaal", "fte_digital"),
            "psychologists",
            List.of("recherchepsychologen", "fte_psychologists"));
    static final Map<String, List<String>> PRIORITY_COLUMNS = columns(
            "municipalityCode",
            List.of("gemeente", "gemeentecode", "municipality"),
            "year",
            List.of("jaar"),
            "priority",
            List.of("prioriteit"));

    @Inject
    Jdbc jdbc;

    @Inject
    ContextService service;

    @Inject
    ContextScope scope;

    @Inject
    ReferenceData reference;

    @Inject
    AccessLog log;

    /** What a row would do. */
    public enum Change {
        NEW,
        CHANGED,
        UNCHANGED,
        INVALID
    }

    public record UploadRow(
            int line,
            Map<String, String> values,
            Map<String, String> current,
            Change change,
            List<Problem.FieldError> errors) {}

    public record UploadResult(
            boolean committed, int rows, int invalid, int newRows, int changed, int unchanged, List<UploadRow> lines) {}

    public UploadResult capacity(String body, boolean commit) {
        List<ContextCsv.Row> rows = ContextCsv.read(body, CAPACITY_COLUMNS);
        return jdbc.with(
                "The capacity upload failed",
                c -> run(c, rows, commit, ContextService.CAPACITY, new Kind() {
                    @Override
                    public String key(ContextCsv.Row row) {
                        return row.get("policeUnit") + " " + row.get("year");
                    }

                    @Override
                    public Map<String, String> current(Connection c, ContextCsv.Row row, Checks checks)
                            throws SQLException {
                        String unit = row.get("policeUnit");
                        Integer year = year(checks, row);
                        if (!reference.policeUnitExists(unit)) {
                            checks.fail("policeUnit", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit.");
                        } else {
                            inScope(checks, "policeUnit", unit);
                        }
                        CapacityRequest r = request(row, checks);
                        if (year != null && r != null) {
                            checks.include(service.checkCapacity(year, r).errors());
                        }
                        if (checks.errors().isEmpty()) {
                            return CapacityRepository.find(c, unit, year, true)
                                    .map(v -> Map.of(
                                            "avim",
                                            plain(v.avim()),
                                            "zeden",
                                            plain(v.zeden()),
                                            "digital",
                                            plain(v.digital()),
                                            "psychologists",
                                            plain(v.psychologists())))
                                    .orElse(null);
                        }
                        return null;
                    }

                    @Override
                    public void save(Connection c, ContextCsv.Row row) throws SQLException {
                        service.saveCapacity(
                                c,
                                row.get("policeUnit"),
                                Integer.parseInt(row.get("year")),
                                null,
                                request(row, new Checks(null)),
                                false);
                    }
                }));
    }

    public UploadResult priorities(String body, boolean commit) {
        List<ContextCsv.Row> rows = ContextCsv.read(body, PRIORITY_COLUMNS);
        return jdbc.with(
                "The priority upload failed",
                c -> run(c, rows, commit, ContextService.PRIORITY, new Kind() {
                    @Override
                    public String key(ContextCsv.Row row) {
                        return row.get("municipalityCode").toUpperCase(java.util.Locale.ROOT) + " " + row.get("year");
                    }

                    @Override
                    public Map<String, String> current(Connection c, ContextCsv.Row row, Checks checks)
                            throws SQLException {
                        String code = row.get("municipalityCode").toUpperCase(java.util.Locale.ROOT);
                        Integer year = year(checks, row);
                        var municipality = reference.municipality(code);
                        if (municipality.isEmpty()) {
                            checks.fail(
                                    "municipalityCode", MessageCode.UNKNOWN_MUNICIPALITY, "Unknown municipality code.");
                        } else {
                            inScope(
                                    checks,
                                    "municipalityCode",
                                    municipality.get().policeUnit());
                        }
                        Boolean priority = ContextCsv.yesNo(row.get("priority"));
                        if (priority == null) {
                            checks.fail("priority", MessageCode.EXPECTED_BOOLEAN, "Must be yes or no.");
                        }
                        if (year != null && priority != null) {
                            checks.include(service.checkPriority(year, new PriorityRequest(priority))
                                    .errors());
                        }
                        if (checks.errors().isEmpty()) {
                            return PriorityRepository.find(c, code, year, true)
                                    .map(v -> Map.of("priority", String.valueOf(v.priority())))
                                    .orElse(null);
                        }
                        return null;
                    }

                    @Override
                    public void save(Connection c, ContextCsv.Row row) throws SQLException {
                        service.savePriority(
                                c,
                                row.get("municipalityCode").toUpperCase(java.util.Locale.ROOT),
                                Integer.parseInt(row.get("year")),
                                null,
                                new PriorityRequest(ContextCsv.yesNo(row.get("priority"))),
                                false);
                    }
                }));
    }

    /** One kind of upload: the key of a row, its checks with the current value, and its save. */
    private interface Kind {
        String key(ContextCsv.Row row);

        Map<String, String> current(Connection c, ContextCsv.Row row, Checks checks) throws SQLException;

        void save(Connection c, ContextCsv.Row row) throws SQLException;
    }

    private UploadResult run(Connection c, List<ContextCsv.Row> rows, boolean commit, String type, Kind kind)
            throws SQLException {
        List<UploadRow> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ContextCsv.Row row : rows) {
            Checks checks = new Checks(null);
            Integer previous = firstLine.putIfAbsent(kind.key(row), row.line());
            if (previous != null) {
                checks.fail(
                        "row",
                        MessageCode.UPLOAD_DUPLICATE_ROW,
                        Map.of("previousLine", previous),
                        "This row is already given on line " + previous + ".");
            }
            Map<String, String> current = kind.current(c, row, checks);
            List<Problem.FieldError> errors = checks.errors();
            Change change = !errors.isEmpty()
                    ? Change.INVALID
                    : current == null
                            ? Change.NEW
                            : sameValues(current, row.values()) ? Change.UNCHANGED : Change.CHANGED;
            out.add(new UploadRow(row.line(), row.values(), current, change, errors));
        }
        UploadResult result = result(out, false);
        if (commit) {
            if (result.invalid() > 0) {
                throw ProblemException.invalid(out.stream()
                        .flatMap(r -> r.errors().stream()
                                .map(e -> new Problem.FieldError(
                                        "rows[" + r.line() + "]." + e.field(),
                                        e.code(),
                                        e.params(),
                                        "Line " + r.line() + ": " + e.message())))
                        .toList());
            }
            for (ContextCsv.Row row : rows) {
                kind.save(c, row);
            }
            log.record(new AccessEvent(
                    AccessEvent.Action.UPDATE,
                    type,
                    List.of(),
                    List.of(),
                    AccessEvent.Outcome.SUCCESS,
                    "upload of " + rows.size() + " rows: " + result.newRows() + " new, " + result.changed()
                            + " changed",
                    false));
            return result(out, true);
        }
        log.record(new AccessEvent(
                AccessEvent.Action.READ,
                type,
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                "upload preview of " + rows.size() + " rows",
                false));
        return result;
    }

    private void inScope(Checks checks, String field, String unit) {
        String own = scope.unit();
        if (own != null && !own.equals(unit)) {
            checks.fail(
                    field,
                    MessageCode.FORBIDDEN_REGION_NOT_YOURS,
                    Map.of("allowed", own),
                    "This lies outside your police unit " + own + ".");
        }
    }

    private static Integer year(Checks checks, ContextCsv.Row row) {
        String text = row.get("year");
        if (text == null || !text.matches("\\d{4}")) {
            checks.fail("year", MessageCode.EXPECTED_NUMBER, "Must be a year such as 2024.");
            return null;
        }
        return Integer.valueOf(text);
    }

    /** The row as the API's request, or null with the fields that are not numbers named. */
    private static CapacityRequest request(ContextCsv.Row row, Checks checks) {
        Map<String, java.math.BigDecimal> v = new LinkedHashMap<>();
        for (String field : List.of("avim", "zeden", "digital", "psychologists")) {
            var n = ContextCsv.number(row.get(field));
            if (n == null) {
                checks.fail(field, MessageCode.EXPECTED_NUMBER, "Must be a number.");
            }
            v.put(field, n);
        }
        return v.containsValue(null)
                ? null
                : new CapacityRequest(v.get("avim"), v.get("zeden"), v.get("digital"), v.get("psychologists"));
    }

    private static boolean sameValues(Map<String, String> current, Map<String, String> row) {
        return current.entrySet().stream().allMatch(e -> {
            String mine = row.get(e.getKey());
            var n = ContextCsv.number(mine);
            if (n != null && ContextCsv.number(e.getValue()) != null) {
                return n.compareTo(ContextCsv.number(e.getValue())) == 0;
            }
            return Objects.equals(String.valueOf(ContextCsv.yesNo(mine)), e.getValue());
        });
    }

    private static UploadResult result(List<UploadRow> rows, boolean committed) {
        Map<Change, Integer> n = new java.util.EnumMap<>(Change.class);
        rows.forEach(r -> n.merge(r.change(), 1, Integer::sum));
        return new UploadResult(
                committed,
                rows.size(),
                n.getOrDefault(Change.INVALID, 0),
                n.getOrDefault(Change.NEW, 0),
                n.getOrDefault(Change.CHANGED, 0),
                n.getOrDefault(Change.UNCHANGED, 0),
                rows);
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static Map<String, List<String>> columns(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            List<String> names = new ArrayList<>();
            names.add((String) pairs[i]);
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) pairs[i + 1];
            names.addAll(aliases);
            out.put((String) pairs[i], List.copyOf(names));
        }
        return out;
    }
}
