package nl.ketenzicht.parties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Requests and views of parties and of the aangifte history. Ids and versions come from the server. */
public final class PartyRequests {

    private PartyRequests() {}

    public record VictimRequest(
            @NotNull Gender gender,
            @Min(1900) @Max(2100) Integer birthYear,
            @Min(1) @Max(12) Integer birthMonth,
            @Size(max = 40) String nationality,
            @Size(max = 15) Set<@NotBlank @Size(max = 40) String> vulnerabilities,
            @Size(max = 40) String recruitmentChannel,
            LocalDate exploitationStartedOn,
            @Min(0) @Max(100000) Integer estimatedClientCount,
            Boolean consentToShare,
            @Size(max = 100) String partnerReference) {
        /** An example for the API document (synthetic). */
        public static final VictimRequest EXAMPLE = new VictimRequest(
                Gender.FEMALE, 2008, 4, "NL", Set.of("LVB"), "SNAPCHAT", LocalDate.of(2023, 11, 1), 20, true, null);
    }

    public record SuspectRequest(
            @NotNull Gender gender,
            @Min(1900) @Max(2100) Integer birthYear,
            @Size(max = 40) String role,
            @Size(max = 100) Set<@NotNull Long> linkedVictimIds,
            @Size(max = 100) String partnerReference) {
        /** An example for the API document (synthetic). */
        public static final SuspectRequest EXAMPLE = new SuspectRequest(Gender.MALE, 1999, "MAIN", Set.of(40L), null);
    }

    public record ClientRequest(
            @NotNull Gender gender,
            @Min(1900) @Max(2100) Integer birthYear,
            @Min(0) @Max(100000) Integer contactCount,
            Boolean ageVerificationAtIssue,
            @Size(max = 100) Set<@NotNull Long> linkedVictimIds,
            @Size(max = 100) String partnerReference) {
        /** An example for the API document (synthetic). */
        public static final ClientRequest EXAMPLE = new ClientRequest(Gender.MALE, 1985, 2, true, Set.of(40L), null);
    }

    public record AangifteEventRequest(
            @NotNull AangifteEvent.Type type,
            @NotNull LocalDate on,
            @Size(max = 10) Set<@NotBlank @Size(max = 40) String> reasons,
            Boolean traumaStudio,
            PsychologistAdvice psychologistAdvised) {
        /** An example for the API document (synthetic). */
        public static final AangifteEventRequest EXAMPLE = new AangifteEventRequest(
                AangifteEvent.Type.DECLINED,
                LocalDate.of(2024, 3, 4),
                Set.of("FEAR_SUSPECT"),
                false,
                PsychologistAdvice.NONE);
    }

    public record AangifteEventView(
            Long id,
            AangifteEvent.Type type,
            LocalDate on,
            Set<String> reasons,
            boolean traumaStudio,
            PsychologistAdvice psychologistAdvised) {}

    /** One view for every kind; fields that do not apply to a kind are null. */
    public record PartyView(
            Long id,
            long caseId,
            PartyKind kind,
            long version,
            Gender gender,
            Integer birthYear,
            Integer birthMonth,
            String nationality,
            Set<String> vulnerabilities,
            String recruitmentChannel,
            LocalDate exploitationStartedOn,
            Integer ageAtExploitationStart,
            Integer ageAtCaseOpening,
            Integer estimatedClientCount,
            Boolean consentToShare,
            AangifteStatus aangifteStatus,
            List<AangifteEventView> aangifteHistory,
            String role,
            Set<Long> linkedVictimIds,
            Integer contactCount,
            Boolean ageVerificationAtIssue,
            String partnerReference) {}
}
