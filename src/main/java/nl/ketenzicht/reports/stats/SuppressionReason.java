package nl.ketenzicht.reports.stats;

/**
 * Why a count is withheld. For audit and tests; publications should show one marker for both,
 * because the reason itself tells a reader that a primary cell lies in 1..k-1.
 */
public enum SuppressionReason {
    /** The count itself lies in 1..k-1. */
    PRIMARY,
    /** A larger count withheld so that a primary cell cannot be derived from the others. */
    SECONDARY
}
