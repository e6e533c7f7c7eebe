package nl.ketenzicht.proceedings;

/** The stages of the criminal-justice chain, in their order. */
public enum Stage {
    IN_VIEW,
    OM_INFLOW,
    OM_DECISION,
    VERDICT,
    SENTENCE,
    APPEAL,
    FINAL
}
