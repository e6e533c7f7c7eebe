package nl.ketenzicht.security;

/**
 * What a share lets the receiving organisation do with the owner's case. Neither scope lets it
 * change, close or reopen the case, change the owner's records, or see the case's other shares.
 */
public enum ShareScope {
    /** Read the case, its parties (victims only with consent to share) and their chains and care. */
    READ,
    /** Read, and add chain steps to its suspects and clients (e.g. the OM's decisions); withdraw only its own steps. */
    READ_AND_ADD_PROCEEDINGS
}
