package nl.ketenzicht.identity;

/**
 * Who is calling, as established by the authentication mechanism: a user in a session, or a partner
 * system with an API token (then {@code userId} is null and the role is CASEWORKER).
 */
public record Caller(
        Long userId,
        String username,
        Role role,
        long organisationId,
        String policeUnit,
        String sessionHash,
        Long tokenId,
        boolean fullyAuthenticated,
        String csrfToken) {

    public static final String REQUEST_ATTRIBUTE = "nl.ketenzicht.caller";
    public static final String REFUSED_ATTRIBUTE = "nl.ketenzicht.refusedCaller";

    public boolean is(Role r) {
        return fullyAuthenticated && role == r;
    }

    /** The name under which this caller appears in the access log. */
    public String actor() {
        return tokenId != null ? "token:" + tokenId : "user:" + userId;
    }
}
