package nl.ketenzicht.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.ketenzicht.identity.Role;

/** Requests and views of the login flow. */
public final class AuthRequests {

    private AuthRequests() {}

    public record LoginRequest(
            @NotBlank @Size(max = 80) String username,
            @NotBlank @Size(max = 200) String password) {
        /** An example for the API document (synthetic). */
        public static final LoginRequest EXAMPLE = new LoginRequest("j.devries", "correct-horse-battery-staple");
    }

    public record SecondFactorRequest(
            @Pattern(regexp = "\\d{6}", message = "enter the 6 digits from your app")
            String code,

            @Size(max = 40) String recoveryCode) {
        /** An example for the API document (synthetic). */
        public static final SecondFactorRequest EXAMPLE = new SecondFactorRequest("123456", null);
    }

    /** After the password: which step comes next (TOTP, or ENROL when no second factor is set up yet). */
    public record LoginStep(String next, String csrfToken) {}

    public record Me(
            Long userId,
            String username,
            Role role,
            long organisationId,
            String organisationName,
            String policeUnit,
            String csrfToken,
            List<String> recoveryCodes) {}

    public record LoginMethodRequest(
            @NotBlank @Size(max = 80) String login) {
        /** An example for the API document (synthetic). */
        public static final LoginMethodRequest EXAMPLE = new LoginMethodRequest("POLITIE-AMS");
    }

    /** {@code method}: PASSWORD, or OIDC with the organisation whose provider to start. */
    public record LoginMethod(String method, String organisationCode) {}

    public record OidcStartRequest(@NotBlank @Size(max = 40) String organisation) {
        /** An example for the API document (synthetic). */
        public static final OidcStartRequest EXAMPLE = new OidcStartRequest("POLITIE-AMS");
    }

    public record OidcStart(String authorizationUrl) {}

    /** After logout of a provider's session: where the browser ends the provider's session too (absent without one). */
    public record LoggedOut(String providerLogoutUrl) {}
}
