package nl.ketenzicht.cases;

/** Police team on the case: human trafficking (AVIM) or vice (zeden). */
public enum TeamType {
    AVIM,
    ZEDEN,
    OTHER
}
