package nl.ketenzicht.reports;

/**
 * CDI event: data that published figures are computed from has changed, past the domain events of
 * cases, parties, the chain and care (a purge, a rebuild of the aggregates, context, registrations).
 * Fired in the writer's transaction where there is one; observers that keep computed figures drop
 * them once it commits ({@code TransactionPhase.AFTER_SUCCESS}).
 */
public record ReportDataChanged(String what) {}
