package nl.ketenzicht.care;

/** Fired inside the transaction when an episode or referral is added or changed, for the report facts. */
public record CareChanged(long victimId, long caseId) {}
