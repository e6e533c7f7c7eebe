package nl.ketenzicht.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ketenzicht.identity.Role;

/**
 * An organisation's OpenID Connect provider: where its staff log in, which of the provider's users
 * belong to the organisation (verified e-mail domains, or a claim the provider sets), how their role
 * follows (a fixed role, or a claim's values mapped to roles) and what counts as the second factor.
 * The client secret is not kept here: {@link #clientSecretName()} names it in the configuration.
 */
@Entity
@Table(name = "oidc_provider")
public class OidcProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @Column(name = "organisation_id")
    private Long organisationId;

    private String issuer;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "client_secret_name")
    private String clientSecretName;

    @Column(name = "email_domains")
    private String emailDomains;

    @Column(name = "organisation_claim")
    private String organisationClaim;

    @Column(name = "organisation_claim_value")
    private String organisationClaimValue;

    @Column(name = "role_claim")
    private String roleClaim;

    @Column(name = "role_mapping")
    private String roleMapping;

    @Enumerated(EnumType.STRING)
    @Column(name = "fixed_role")
    private Role fixedRole;

    @Column(name = "just_in_time")
    private boolean justInTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "second_factor")
    private SecondFactorPolicy secondFactor;

    @Column(name = "mfa_acr_values")
    private String mfaAcrValues;

    private boolean enabled = true;

    @Version
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected OidcProvider() {}

    OidcProvider(long organisationId, Settings settings, Instant now) {
        this.organisationId = organisationId;
        configure(settings, now);
    }

    /** Replaces the whole configuration (the request was checked by {@code OidcProviders}). */
    void configure(Settings s, Instant now) {
        this.issuer = Objects.requireNonNull(s.issuer());
        this.clientId = Objects.requireNonNull(s.clientId());
        this.clientSecretName = Objects.requireNonNull(s.clientSecretName());
        this.emailDomains = join(s.emailDomains());
        this.organisationClaim = blankToNull(s.organisationClaim());
        this.organisationClaimValue = blankToNull(s.organisationClaimValue());
        this.roleClaim = blankToNull(s.roleClaim());
        this.roleMapping = s.roleMapping() == null || s.roleMapping().isEmpty() ? null : json(s.roleMapping());
        this.fixedRole = s.fixedRole();
        this.justInTime = s.justInTime();
        this.secondFactor = Objects.requireNonNull(s.secondFactor());
        this.mfaAcrValues = join(s.mfaAcrValues());
        this.enabled = s.enabled();
        this.updatedAt = now;
    }

    public Settings settings() {
        return new Settings(
                issuer,
                clientId,
                clientSecretName,
                split(emailDomains),
                organisationClaim,
                organisationClaimValue,
                roleClaim,
                roleMapping(),
                fixedRole,
                justInTime,
                secondFactor,
                split(mfaAcrValues),
                enabled);
    }

    public Long organisationId() {
        return organisationId;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecretName() {
        return clientSecretName;
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private Map<String, Role> roleMapping() {
        if (roleMapping == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(roleMapping, new TypeReference<LinkedHashMap<String, Role>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("role mapping of organisation " + organisationId + " is not readable", e);
        }
    }

    private static String json(Map<String, Role> mapping) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(mapping));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(",")).map(String::trim).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The configuration as one value, for the mapping rules and the administration views. */
    public record Settings(
            String issuer,
            String clientId,
            String clientSecretName,
            List<String> emailDomains,
            String organisationClaim,
            String organisationClaimValue,
            String roleClaim,
            Map<String, Role> roleMapping,
            Role fixedRole,
            boolean justInTime,
            SecondFactorPolicy secondFactor,
            List<String> mfaAcrValues,
            boolean enabled) {}
}
