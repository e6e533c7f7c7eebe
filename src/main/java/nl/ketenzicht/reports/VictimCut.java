package nl.ketenzicht.reports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The cut of measures 4–6: a {@link ReportRequest} plus the victim age group, and the municipality
 * level. Municipalities are offered within one police unit ({@code unit}), compared side by side and
 * with the national figure; all other municipalities form one hidden REST row of the suppressed
 * table, so the national figure stays the table's total and a small municipality is suppressed like
 * any cell, never refused. A regional coordinator's unit must be their own ({@link RegionalScope}).
 */
public record VictimCut(ReportRequest base, AgeGroup ageGroup, String municipalitiesOf) {

    private static final String MUNICIPALITY = "MUNICIPALITY";

    public static VictimCut parse(Map<String, List<String>> query) {
        Map<String, List<String>> rest = new HashMap<>(query);
        AgeGroup age = rest.containsKey("ageGroup") ? ageGroup(single(rest.remove("ageGroup"), "ageGroup")) : null;
        String unit = rest.containsKey("unit") ? single(rest.remove("unit"), "unit") : null;
        boolean municipalities = rest.containsKey("level") && MUNICIPALITY.equals(single(rest.get("level"), "level"));
        if (municipalities) {
            rest.remove("level");
        } else if (unit != null) {
            throw ProblemException.invalid(
                    "unit",
                    MessageCode.UNIT_ONLY_WITH_MUNICIPALITY,
                    "A police unit is chosen only with level=MUNICIPALITY.");
        }
        ReportRequest base = ReportRequest.parse(rest);
        if (municipalities && unit == null) {
            throw ProblemException.invalid(
                    "unit",
                    MessageCode.UNIT_REQUIRED,
                    "With level=MUNICIPALITY give the police unit whose municipalities to compare, e.g. unit=AMS.");
        }
        return new VictimCut(base, age, municipalities ? unit : null);
    }

    public boolean byMunicipality() {
        return municipalitiesOf != null;
    }

    /** The fact-table column of the region level; never from the request. */
    String regionColumn() {
        return byMunicipality() ? "municipality" : base.level().column;
    }

    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>(base.describe());
        if (byMunicipality()) {
            d.put("level", MUNICIPALITY);
            d.put("unit", municipalitiesOf);
        }
        if (ageGroup != null) {
            d.put("ageGroup", ageGroup.name());
        }
        return d;
    }

    private static String single(List<String> values, String field) {
        if (values.size() != 1) {
            throw ProblemException.invalid(field, MessageCode.PARAMETER_REPEATED, "Give this parameter once.");
        }
        return values.get(0);
    }

    private static AgeGroup ageGroup(String value) {
        try {
            return AgeGroup.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "ageGroup",
                    MessageCode.VALUE_NOT_IN_LIST,
                    java.util.Map.of(
                            "allowed",
                            Arrays.stream(AgeGroup.values())
                                    .map(Enum::name)
                                    .collect(java.util.stream.Collectors.joining(", "))),
                    "Use one of " + Arrays.toString(AgeGroup.values()) + ".");
        }
    }
}
