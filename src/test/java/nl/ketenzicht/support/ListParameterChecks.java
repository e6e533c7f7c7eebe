package nl.ketenzicht.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.support.ResourceModel.Endpoint;

/**
 * Checks of every query parameter of the application, generated from the resource classes
 * ({@link ResourceModel}, {@link QueryParameter}): a new parameter is checked without a line here.
 * Each method returns what went wrong, one line per finding, empty when all is well.
 */
public final class ListParameterChecks {

    /** The field of a list's items that each endpoint's date filters compare with. */
    static final Map<String, String> ITEM_DATES = Map.of(
            "GET /api/cases", "openedOn",
            "GET /api/audit/log", "occurredAt",
            "GET /api/registrations", "registeredOn");

    private final Function<Endpoint, Api> callers;
    private int requests;

    /** @param callers an API client allowed to call the endpoint (by its roles) */
    public ListParameterChecks(Function<Endpoint, Api> callers) {
        this.callers = callers;
    }

    public int requests() {
        return requests;
    }

    /** Every malformed or out-of-bounds value of every query parameter: 400 problem+json naming that parameter. */
    public List<String> malformedValuesAreRefusedByName() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ResourceModel.application().endpoints()) {
            for (QueryParameter p : e.queryParameters()) {
                for (String bad : p.invalidValues()) {
                    String query = requiredOthers(e, p) + p.name() + "=" + encode(bad);
                    Api.Reply r = send(e, query);
                    String verdict = refusalNaming(r, p.name());
                    if (verdict != null) {
                        wrong.add(e.key() + "?" + query + ": " + verdict + " — " + r);
                    }
                }
            }
        }
        return wrong;
    }

    /**
     * Every parameter that takes a year (query or path, number or the reports' text years and quarters)
     * refuses one long before and one long after the supported years with 400 naming it: a report of 1800
     * is a mistake, not an empty report. {@code checked} receives "Resource.method parameter" for each one tried.
     */
    public List<String> yearsOutOfRangeAreRefusedByName(List<String> checked) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ResourceModel.application().endpoints()) {
            for (QueryParameter p : e.queryParameters()) {
                if (!p.takesYear()) {
                    continue;
                }
                checked.add(e.javaName() + " " + p.name());
                for (String year : FAR_YEARS) {
                    String bad = p.isQuarter() ? year + "-Q1" : year;
                    String query = requiredOthers(e, p) + otherBound(e, p) + p.name() + "=" + encode(bad);
                    expectRefusal(wrong, e, e.path(), query, p.name());
                }
            }
            if (e.path().contains("{year}")) {
                checked.add(e.javaName() + " {year}");
                for (String year : FAR_YEARS) {
                    expectRefusal(wrong, e, e.path().replace("{year}", year), "", "year");
                }
            }
        }
        return wrong;
    }

    private static final List<String> FAR_YEARS = List.of("1800", "3000");

    private void expectRefusal(List<String> wrong, Endpoint e, String path, String query, String field) {
        Api.Reply r = send(e, path, query);
        String verdict = refusalNaming(r, field);
        if (verdict != null) {
            wrong.add(e.key() + " " + path + "?" + query + ": " + verdict + " — " + r);
        }
    }

    /** A quarter range needs both ends; the other end gets a good quarter, so that only the tested one is wrong. */
    private static String otherBound(Endpoint e, QueryParameter tested) {
        if (!tested.isQuarter() || !(tested.isLowerBound() || tested.isUpperBound())) {
            return "";
        }
        String other = tested.isLowerBound() ? "to" : "from";
        return e.queryParameters().stream().anyMatch(p -> p.name().equals(other) && p.isQuarter())
                ? other + "=2022-Q1&"
                : "";
    }

    /**
     * Every date filter filters: far bounds give all or nothing, and a bound on an item's own day
     * keeps it while the next day (or the one before) leaves it out. The endpoints must list items.
     */
    public List<String> dateFiltersFilter() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ResourceModel.application().endpoints()) {
            List<QueryParameter> dates =
                    e.queryParameters().stream().filter(QueryParameter::isDate).toList();
            if (dates.isEmpty()) {
                continue;
            }
            String itemDate = ITEM_DATES.get(e.key());
            if (itemDate == null) {
                wrong.add(e.key() + " has date filters " + dates
                        + ": name the item field they filter in ListParameterChecks.ITEM_DATES");
                continue;
            }
            String page = pageOf(e);
            JsonNode all = send(e, page).json();
            long total = all.path("total").asLong();
            if (total == 0 || all.path("items").isEmpty()) {
                wrong.add(e.key() + ": no items to filter; the test must create some");
                continue;
            }
            JsonNode item = all.path("items").get(0);
            long id = item.path("id").asLong();
            LocalDate day = LocalDate.parse(item.path(itemDate).asText().substring(0, 10));
            for (QueryParameter p : dates) {
                boolean lower = p.isLowerBound();
                if (!lower && !p.isUpperBound()) {
                    wrong.add(e.key() + " " + p.name() + ": a date filter is named ...From/from or ...To/to");
                    continue;
                }
                expectTotal(wrong, e, page, p, lower ? "2999-01-01" : "1901-01-01", 0, false);
                expectTotal(wrong, e, page, p, lower ? "1901-01-01" : "2999-01-01", total, true);
                expectItem(wrong, e, page, p, day, id, true);
                expectItem(wrong, e, page, p, lower ? day.plusDays(1) : day.minusDays(1), id, false);
            }
        }
        return wrong;
    }

    /** Each filter of {@code endpoint} named in {@code matching} keeps the item with that value and drops it for another. */
    public List<String> filtersKeepTheirMatch(
            String endpoint, long itemId, Map<String, String[]> matching, Set<String> exempt) {
        Endpoint e = ResourceModel.application().endpoints().stream()
                .filter(x -> x.key().equals(endpoint))
                .findFirst()
                .orElseThrow();
        List<String> wrong = new ArrayList<>();
        for (QueryParameter p : e.queryParameters()) {
            if (exempt.contains(p.name()) || p.isDate()) {
                continue;
            }
            String[] values = matching.get(p.name());
            if (values == null) {
                wrong.add(endpoint + " " + p.name()
                        + ": a filter without a matching and a non-matching value in the test");
                continue;
            }
            String page = pageOf(e);
            if (!ids(send(e, page + "&" + p.name() + "=" + encode(values[0]))).contains(itemId)) {
                wrong.add(endpoint + " " + p.name() + "=" + values[0] + " leaves out item " + itemId);
            }
            if (ids(send(e, page + "&" + p.name() + "=" + encode(values[1]))).contains(itemId)) {
                wrong.add(endpoint + " " + p.name() + "=" + values[1] + " keeps item " + itemId);
            }
        }
        return wrong;
    }

    private void expectTotal(
            List<String> wrong, Endpoint e, String page, QueryParameter p, String value, long total, boolean atLeast) {
        Api.Reply r = send(e, page + "&" + p.name() + "=" + value);
        long got = r.json().path("total").asLong(-1);
        if (r.status() != 200 || (atLeast ? got < total : got != total)) {
            wrong.add(e.key() + "?" + p.name() + "=" + value + ": expected " + (atLeast ? "at least " : "") + total
                    + " — " + r.status() + " total " + got);
        }
    }

    private void expectItem(
            List<String> wrong, Endpoint e, String page, QueryParameter p, LocalDate value, long id, boolean kept) {
        Api.Reply r = send(e, page + "&" + p.name() + "=" + value);
        if (r.status() != 200 || ids(r).contains(id) != kept) {
            wrong.add(e.key() + "?" + p.name() + "=" + value + ": item " + id + " must be "
                    + (kept ? "kept" : "left out") + " — " + r.status());
        }
    }

    private static Set<Long> ids(Api.Reply r) {
        Set<Long> ids = new java.util.HashSet<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    /** The largest page the endpoint allows, so that the item looked for is on it. */
    private static String pageOf(Endpoint e) {
        return e.queryParameters().stream()
                .filter(p -> p.name().equals("limit") && p.max() != null)
                .map(p -> "limit=" + p.max())
                .findFirst()
                .orElse("");
    }

    private static String requiredOthers(Endpoint e, QueryParameter tested) {
        return e.queryParameters().stream()
                .filter(p -> !p.name().equals(tested.name()) && p.required() && p.validValue() != null)
                .map(p -> p.name() + "=" + p.validValue() + "&")
                .collect(Collectors.joining());
    }

    private Api.Reply send(Endpoint e, String query) {
        return send(e, e.path(), query);
    }

    private Api.Reply send(Endpoint e, String template, String query) {
        requests++;
        String path = pathValues(e, template).substring(1) + (query.isEmpty() ? "" : "?" + query);
        boolean body = !(e.httpMethod().equals("GET") || e.httpMethod().equals("DELETE"));
        // A body of the media type the method takes (an upload takes CSV), so that its parameters are read at all.
        jakarta.ws.rs.Consumes consumes = e.method().getAnnotation(jakarta.ws.rs.Consumes.class);
        String type = consumes == null ? "application/json" : consumes.value()[0];
        return callers.apply(e)
                .send(
                        e.httpMethod(),
                        path,
                        body ? (type.equals("application/json") ? "{}" : "a,b\n") : null,
                        body ? Map.of("Content-Type", type) : Map.of());
    }

    /**
     * The template with a value in each parameter: one the endpoint takes where it declares its values
     * ({@code @Schema(enumeration)}, {@code @PathValues}, a known registry), so that a method that checks
     * its path before reading its query (the reports) gets as far as the query; else 1.
     */
    private static String pathValues(Endpoint e, String template) {
        String path = template.replace("{locale}", "nl");
        for (java.lang.reflect.Parameter p : e.method().getParameters()) {
            jakarta.ws.rs.PathParam name = p.getAnnotation(jakarta.ws.rs.PathParam.class);
            String value = name == null ? null : knownValue(name.value(), p);
            if (value != null) {
                path = path.replace("{" + name.value() + "}", value);
            }
        }
        return path.replaceAll("\\{[^}]+}", "1");
    }

    private static String knownValue(String name, java.lang.reflect.Parameter p) {
        var schema = p.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (schema != null && schema.enumeration().length > 0) {
            return schema.enumeration()[0];
        }
        var values = p.getAnnotation(nl.ketenzicht.shared.openapi.PathValues.class);
        if (values != null) {
            return values.value().getEnumConstants()[0].path();
        }
        return name.equals("interval") ? nl.ketenzicht.reports.Interval.values()[0].name() : null;
    }

    /** Null when {@code r} is a 400 problem document with a field error for {@code name} that has a code. */
    static String refusalNaming(Api.Reply r, String name) {
        if (r.status() != 400) {
            return "status " + r.status();
        }
        if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            return "not a problem document";
        }
        for (JsonNode error : r.json().path("errors")) {
            if (error.path("field").asText().equals(name)) {
                return error.path("code").asText().isEmpty() ? "field error without a code" : null;
            }
        }
        return "no field error names " + name;
    }

    /** The role whose caller tries an endpoint: the first it allows, in a fixed order. */
    public static String roleFor(Endpoint e) {
        for (String role :
                List.of(Role.CASEWORKER.name(), Role.COORDINATOR.name(), Role.AUDITOR.name(), Role.ADMIN.name())) {
            if (e.roles().contains(role)) {
                return role;
            }
        }
        return Role.ADMIN.name();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static Map<String, String[]> matching(String... nameMatchOther) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameMatchOther.length; i += 3) {
            m.put(nameMatchOther[i], new String[] {nameMatchOther[i + 1], nameMatchOther[i + 2]});
        }
        return m;
    }
}
