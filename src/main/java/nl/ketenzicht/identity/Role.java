package nl.ketenzicht.identity;

/**
 * What a user may do. Case workers handle their organisation's (and shared) cases; coordinators see
 * aggregates only; auditors read within their audit scope and the access log; administrators manage
 * users, organisations and reference data, never case content.
 */
public enum Role {
    CASEWORKER,
    COORDINATOR,
    AUDITOR,
    ADMIN;

    public static final String CASEWORKER_ = "CASEWORKER";
    public static final String COORDINATOR_ = "COORDINATOR";
    public static final String AUDITOR_ = "AUDITOR";
    public static final String ADMIN_ = "ADMIN";
    /** Group of a session that passed the password but not yet the second factor. */
    public static final String PENDING_TOTP = "PENDING_TOTP";
}
