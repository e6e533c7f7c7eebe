package nl.ketenzicht.security;

import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Why a login through an organisation's provider was refused: the message the user reads (through
 * the bundles) and the reason the access log keeps beside the provider's issuer.
 */
public enum OidcRefusal {
    STATE_INVALID(MessageCode.OIDC_STATE_INVALID, "unknown or expired state, or another browser"),
    STATE_REPLAYED(MessageCode.OIDC_STATE_REPLAYED, "state and nonce used before"),
    PROVIDER_ERROR(MessageCode.OIDC_PROVIDER_ERROR, "provider answered with an error"),
    PROVIDER_UNAVAILABLE(MessageCode.OIDC_PROVIDER_UNAVAILABLE, "provider not reachable or not configured"),
    WRONG_ISSUER(MessageCode.OIDC_WRONG_ISSUER, "wrong issuer"),
    WRONG_AUDIENCE(MessageCode.OIDC_WRONG_AUDIENCE, "wrong audience"),
    EXPIRED(MessageCode.OIDC_EXPIRED, "expired or not yet valid token"),
    NONCE(MessageCode.OIDC_NONCE, "nonce does not match"),
    SIGNATURE(
            MessageCode.OIDC_SIGNATURE, "unsigned token, unexpected algorithm or signature not by the provider's keys"),
    NOT_MEMBER(MessageCode.OIDC_NOT_MEMBER, "user does not belong to this organisation"),
    NO_ROLE(MessageCode.OIDC_NO_ROLE, "no role (or more than one) from the mapping"),
    MFA_REQUIRED(MessageCode.OIDC_MFA_REQUIRED, "provider login without a second factor"),
    NOT_REGISTERED(MessageCode.OIDC_NOT_REGISTERED, "no account and no just-in-time provisioning"),
    USER_DISABLED(MessageCode.OIDC_USER_DISABLED, "account or organisation disabled");

    private final MessageCode code;
    private final String reason;

    OidcRefusal(MessageCode code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public MessageCode code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
