package nl.ketenzicht.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.identity.Role;

/** Requests and views of an organisation's OpenID provider configuration. */
public final class OidcRequests {

    private OidcRequests() {}

    /**
     * {@code clientSecretName}: the client secret itself is configuration, like the database passwords:
     * {@code ketenzicht.oidc.client-secret.<name>} (environment {@code KETENZICHT_OIDC_CLIENT_SECRET_<NAME>}).
     * Membership: verified e-mail addresses in {@code emailDomains}, and/or the claim
     * {@code organisationClaim} with the value {@code organisationClaimValue}. Role: {@code fixedRole}, or
     * the values of {@code roleClaim} mapped by {@code roleMapping} (exactly one must map).
     */
    public record ProviderRequest(
            @NotBlank @Size(max = 400) String issuer,
            @NotBlank @Size(max = 200) String clientId,

            @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes")
            String clientSecretName,

            @Size(max = 20)
            List<
                            @NotBlank @Size(max = 100)
                            @Pattern(regexp = "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", message = "a domain such as politie.nl")
                            String>
                    emailDomains,

            @Size(max = 100) String organisationClaim,
            @Size(max = 200) String organisationClaimValue,
            @Size(max = 100) String roleClaim,
            @Size(max = 20) Map<@NotBlank @Size(max = 100) String, @NotNull Role> roleMapping,
            Role fixedRole,
            @NotNull Boolean justInTime,
            @NotNull SecondFactorPolicy secondFactor,
            @Size(max = 10) List<@NotBlank @Size(max = 100) String> mfaAcrValues,
            @NotNull Boolean enabled) {

        /** An example for the API document (synthetic): the test realm of README's Keycloak example. */
        public static final ProviderRequest EXAMPLE = new ProviderRequest(
                "https://login.politie-a.example/realms/ketenzicht",
                "ketenzicht",
                "politie-a",
                List.of("politie-a.example"),
                null,
                null,
                "ketenzicht_roles",
                Map.of("ketenzicht-caseworker", Role.CASEWORKER, "ketenzicht-auditor", Role.AUDITOR),
                null,
                true,
                SecondFactorPolicy.PROVIDER,
                List.of("gold"),
                true);

        OidcProvider.Settings settings() {
            return new OidcProvider.Settings(
                    issuer.trim(),
                    clientId.trim(),
                    clientSecretName,
                    emailDomains == null ? List.of() : emailDomains,
                    organisationClaim,
                    organisationClaimValue,
                    roleClaim,
                    roleMapping == null ? Map.of() : roleMapping,
                    fixedRole,
                    justInTime,
                    secondFactor,
                    mfaAcrValues == null ? List.of() : mfaAcrValues,
                    enabled);
        }
    }

    /** The configuration (never a secret: whether the named one is configured) and its version for If-Match. */
    public record ProviderView(
            long organisationId,
            String issuer,
            String clientId,
            String clientSecretName,
            boolean clientSecretConfigured,
            List<String> emailDomains,
            String organisationClaim,
            String organisationClaimValue,
            String roleClaim,
            Map<String, Role> roleMapping,
            Role fixedRole,
            boolean justInTime,
            SecondFactorPolicy secondFactor,
            List<String> mfaAcrValues,
            boolean enabled,
            long version,
            Instant updatedAt) {
        static ProviderView of(OidcProvider p, boolean secretConfigured) {
            OidcProvider.Settings s = p.settings();
            return new ProviderView(
                    p.organisationId(),
                    s.issuer(),
                    s.clientId(),
                    s.clientSecretName(),
                    secretConfigured,
                    s.emailDomains(),
                    s.organisationClaim(),
                    s.organisationClaimValue(),
                    s.roleClaim(),
                    s.roleMapping(),
                    s.fixedRole(),
                    s.justInTime(),
                    s.secondFactor(),
                    s.mfaAcrValues(),
                    s.enabled(),
                    p.version(),
                    p.updatedAt());
        }
    }
}
