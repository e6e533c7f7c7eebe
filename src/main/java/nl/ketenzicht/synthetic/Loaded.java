package nl.ketenzicht.synthetic;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a load wrote: the database ids of the world's organisations and cases (by their index in
 * the world), the rows per table and how long it took. Parties keep the world's order inside a
 * case, so their ids ascend in the order victims, suspects, clients.
 */
public final class Loaded {

    private final List<Long> organisationIds;
    private final long[] caseIds;
    private final Map<String, Long> rows;
    private final Duration elapsed;

    Loaded(List<Long> organisationIds, long[] caseIds, Map<String, Long> rows, Duration elapsed) {
        this.organisationIds = List.copyOf(organisationIds);
        this.caseIds = caseIds;
        this.rows = Map.copyOf(rows);
        this.elapsed = elapsed;
    }

    public long organisationId(int index) {
        return organisationIds.get(index);
    }

    public List<Long> organisationIds() {
        return organisationIds;
    }

    public long caseId(int index) {
        return caseIds[index];
    }

    public int cases() {
        return caseIds.length;
    }

    public long minCaseId() {
        return Arrays.stream(caseIds).min().orElse(0);
    }

    public long maxCaseId() {
        return Arrays.stream(caseIds).max().orElse(0);
    }

    public Map<String, Long> rows() {
        return rows;
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return cases() + " cases, " + totalRows() + " rows in " + elapsed.toMillis() + " ms " + rows;
    }
}
