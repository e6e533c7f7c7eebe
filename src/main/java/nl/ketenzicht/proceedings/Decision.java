package nl.ketenzicht.proceedings;

/** The OM's decision: dagvaarding, technical or policy sepot, strafbeschikking, transactie, voeging. */
public enum Decision {
    SUMMONS,
    SEPOT_TECHNICAL,
    SEPOT_POLICY,
    PENALTY_ORDER,
    TRANSACTION,
    JOINDER;

    boolean endsCase() {
        return this != SUMMONS && this != JOINDER;
    }
}
