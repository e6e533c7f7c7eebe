package nl.ketenzicht.cases;

public enum CaseStatus {
    OPEN,
    CLOSED
}
