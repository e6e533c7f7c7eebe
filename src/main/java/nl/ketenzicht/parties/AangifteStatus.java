package nl.ketenzicht.parties;

/** Where a victim stands with a report to the police. */
public enum AangifteStatus {
    NONE,
    INFORMATORY_INTERVIEW,
    AANGIFTE_MADE,
    DECLINED,
    WITHDRAWN
}
