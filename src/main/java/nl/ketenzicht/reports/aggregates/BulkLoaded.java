package nl.ketenzicht.reports.aggregates;

import java.util.Map;

/**
 * CDI event for the report aggregates: base rows were bulk-loaded past the services (the demo
 * seeder), and have committed, so the aggregates are rebuilt from the base tables
 * ({@link BulkLoadRebuild}). A writer that passes the services per case announces it with a domain
 * event or {@link ReportAggregates#refresh} instead.
 */
public record BulkLoaded(long firstCaseId, long lastCaseId, int cases, Map<String, Long> rows) {}
