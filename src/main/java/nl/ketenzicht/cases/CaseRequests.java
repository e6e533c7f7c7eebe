package nl.ketenzicht.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.ketenzicht.security.ShareScope;

/** Requests and views of cases and sharing. Owner, id and version never come from the client. */
public final class CaseRequests {

    private CaseRequests() {}

    public record CaseRequest(
            @NotBlank @Pattern(regexp = "GM\\d{4}", message = "a CBS municipality code such as GM0363")
            String municipalityCode,

            @NotNull LocalDate openedOn,
            @NotNull Origin origin,
            Long signallingOrganisationId,
            @NotEmpty @Size(max = 5) Set<@NotBlank @Size(max = 40) String> exploitationForms,
            @Size(max = 10) Set<@NotBlank @Size(max = 40) String> investigationMethods,
            @NotNull TeamType teamType,
            @NotNull @Min(0) @Max(500) Integer suspectCount,
            @NotNull Boolean network) {
        /** An example for the API document (synthetic). */
        public static final CaseRequest EXAMPLE = new CaseRequest(
                "GM0363",
                LocalDate.of(2024, 3, 1),
                Origin.AMBTSHALVE,
                null,
                Set.of("SEXUAL"),
                Set.of("DIGITAL"),
                TeamType.AVIM,
                1,
                false);
    }

    public record CloseRequest(
            @NotNull LocalDate closedOn,
            @NotBlank @Size(max = 40) String reason) {
        /** An example for the API document (synthetic). */
        public static final CloseRequest EXAMPLE = new CloseRequest(LocalDate.of(2024, 9, 30), "COMPLETED");
    }

    /** {@code expiresOn}: the last day the share gives access, after today and at most two years ahead. */
    public record ShareRequest(
            @NotNull Long organisationId,
            @NotBlank @Size(min = 5, max = 500) String purpose,
            @NotNull ShareScope scope,
            @NotNull LocalDate expiresOn) {
        /** An example for the API document (synthetic). */
        public static final ShareRequest EXAMPLE = new ShareRequest(
                12L, "Joint investigation with the labour inspectorate", ShareScope.READ, LocalDate.of(2027, 6, 30));
    }

    public record CaseView(
            Long id,
            long version,
            long ownerOrganisationId,
            String municipalityCode,
            String municipalityName,
            String policeUnit,
            String courtDistrict,
            String prosecutionOffice,
            LocalDate openedOn,
            Origin origin,
            Long signallingOrganisationId,
            Set<String> exploitationForms,
            Set<String> investigationMethods,
            TeamType teamType,
            int suspectCount,
            boolean network,
            CaseStatus status,
            LocalDate closedOn,
            String closingReason,
            Instant createdAt) {}

    /** {@code active}: not revoked and not past its last day. */
    public record ShareView(
            Long id,
            long caseId,
            long organisationId,
            String purpose,
            ShareScope scope,
            LocalDate expiresOn,
            Instant grantedAt,
            Instant revokedAt,
            boolean active) {}
}
