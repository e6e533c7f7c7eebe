package nl.ketenzicht.reports.aggregates;

import java.util.Arrays;
import java.util.List;

/**
 * What one case adds to the report counters: its dimensions and its counts. Two contributions with
 * the same dimensions differ only by counts, so a change is one upsert of the difference.
 */
public record CaseContribution(Dimensions dims, long[] counts) {

    /** The counter columns, in the order of {@link #counts}; "cases" is always 1 for a case. */
    public static final List<String> COLUMNS = List.of(
            "cases",
            "victims",
            "suspects",
            "s_in_view",
            "s_om_inflow",
            "s_summons",
            "s_conviction",
            "s_custody",
            "clients",
            "c_om_inflow",
            "c_summons",
            "c_conviction",
            "c_custody",
            "c_age_check");

    public CaseContribution {
        if (counts.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " counts");
        }
        counts = counts.clone();
    }

    /** Equal dimensions and counts (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof CaseContribution other && dims.equals(other.dims) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * dims.hashCode() + Arrays.hashCode(counts);
    }

    public long count(String column) {
        return counts[COLUMNS.indexOf(column)];
    }

    /** The whitelisted dimensions a case is counted under. */
    public record Dimensions(
            String policeUnit,
            String courtDistrict,
            String prosecutionOffice,
            int year,
            int quarter,
            String origin,
            String teamType,
            String forms) {}
}
