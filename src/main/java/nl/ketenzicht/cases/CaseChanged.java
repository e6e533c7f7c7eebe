package nl.ketenzicht.cases;

/**
 * Fired inside the transaction when a case is created, revised, closed or reopened, for the report
 * aggregates; {@code created}: inserted by this transaction.
 */
public record CaseChanged(long caseId, boolean created) {}
