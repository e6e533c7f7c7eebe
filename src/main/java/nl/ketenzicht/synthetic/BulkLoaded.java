package nl.ketenzicht.synthetic;

import java.util.Map;

/**
 * CDI event fired inside the application after synthetic data was bulk-loaded past the services
 * (the demo seeder), so observers such as the report aggregates can rebuild from the base tables.
 */
public record BulkLoaded(long firstCaseId, long lastCaseId, int cases, Map<String, Long> rows) {

    static BulkLoaded of(Loaded loaded) {
        return new BulkLoaded(loaded.minCaseId(), loaded.maxCaseId(), loaded.cases(), loaded.rows());
    }
}
