package nl.ketenzicht.parties;

/** Fired inside the transaction when a party is added or changed, for the report aggregates. */
public record PartyChanged(long partyId, long caseId) {}
