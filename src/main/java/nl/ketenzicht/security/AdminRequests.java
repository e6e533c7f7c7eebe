package nl.ketenzicht.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.ketenzicht.identity.Role;

/** Requests and views of user, organisation and token administration. */
public final class AdminRequests {

    private AdminRequests() {}

    public record CreateOrganisation(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "use capitals, digits and dashes")
            String code,

            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationType type,
            @Size(max = 8) String policeUnit) {
        /** An example for the API document (synthetic). */
        public static final CreateOrganisation EXAMPLE =
                new CreateOrganisation("POLITIE-AMS", "Politie eenheid Amsterdam", OrganisationType.POLICE, "AMS");
    }

    public record UpdateOrganisation(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationType type,
            @Size(max = 8) String policeUnit,
            @NotNull Boolean enabled) {
        /** An example for the API document (synthetic). */
        public static final UpdateOrganisation EXAMPLE =
                new UpdateOrganisation("Politie eenheid Amsterdam", OrganisationType.POLICE, "AMS", true);
    }

    public record OrganisationView(
            Long id,
            String code,
            String name,
            OrganisationType type,
            String policeUnit,
            boolean enabled,
            long version) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.code(), o.name(), o.type(), o.policeUnit(), o.enabled(), o.version());
        }
    }

    public record CreateUser(
            @NotBlank
            @Size(min = 3, max = 80)
            @Pattern(regexp = "[a-zA-Z0-9._@-]+", message = "letters, digits and . _ @ - only")
            String username,

            @NotBlank @Size(min = 12, max = 200) String password,
            @NotNull Role role,
            @NotNull Long organisationId,
            @Size(max = 8) String policeUnit) {
        /** An example for the API document (synthetic). */
        public static final CreateUser EXAMPLE =
                new CreateUser("j.devries", "correct-horse-battery-staple", Role.CASEWORKER, 3L, null);
    }

    public record UpdateUser(
            @NotNull Role role,
            @Size(max = 8) String policeUnit,
            @NotNull Boolean enabled,
            Boolean resetSecondFactor) {
        /** An example for the API document (synthetic). */
        public static final UpdateUser EXAMPLE = new UpdateUser(Role.COORDINATOR, "AMS", true, false);
    }

    public record UserView(
            Long id,
            String username,
            Role role,
            Long organisationId,
            String organisationName,
            String policeUnit,
            boolean enabled,
            boolean secondFactorEnrolled,
            long version) {
        static UserView of(UserAccount u) {
            return new UserView(
                    u.id(),
                    u.username(),
                    u.role(),
                    u.organisation().id(),
                    u.organisation().name(),
                    u.policeUnit(),
                    u.enabled(),
                    u.totpConfirmed(),
                    u.version());
        }
    }

    /**
     * {@code secretHash}: the SHA-256 (hex) of a token the partner organisation made itself
     * ({@code kz_} followed by at least 32 random characters); the token never reaches Ketenzicht.
     */
    public record CreateToken(
            @NotNull Long organisationId,
            @NotBlank @Size(max = 120) String name,

            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "the SHA-256 of the token in lower-case hex")
            String secretHash) {
        /** An example for the API document (synthetic). */
        public static final CreateToken EXAMPLE = new CreateToken(
                3L,
                "Registration system of the police unit",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    /** {@code status}: PENDING until a second administrator approves, then ACTIVE until REVOKED. */
    public record TokenView(
            Long id,
            Long organisationId,
            String name,
            String status,
            Long requestedBy,
            Instant createdAt,
            Long approvedBy,
            Instant approvedAt,
            Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id(),
                    t.organisationId(),
                    t.name(),
                    t.status().name(),
                    t.createdBy(),
                    t.createdAt(),
                    t.approvedBy(),
                    t.approvedAt(),
                    t.revokedAt());
        }
    }
}
