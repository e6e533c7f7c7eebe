package nl.ketenzicht.proceedings;

/** Fired inside the transaction whenever a chain changes, for the maintained report aggregates. */
public record ChainChanged(long partyId, long caseId) {}
