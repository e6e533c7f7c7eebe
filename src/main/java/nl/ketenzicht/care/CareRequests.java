package nl.ketenzicht.care;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Requests and views of runaway episodes and care referrals. */
public final class CareRequests {

    private CareRequests() {}

    public record RunawayRequest(
            @NotBlank @Size(max = 40) String institutionType,
            @NotNull LocalDate missingSince,
            LocalDate reportedOn,
            LocalDate foundOn,
            Boolean victimisedDuring) {
        /** An example for the API document (synthetic). */
        public static final RunawayRequest EXAMPLE = new RunawayRequest(
                "OPEN_YOUTH_CARE", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3), LocalDate.of(2024, 5, 20), true);
    }

    public record RunawayView(
            Long id,
            long victimId,
            long version,
            String institutionType,
            LocalDate missingSince,
            LocalDate reportedOn,
            LocalDate foundOn,
            Boolean victimisedDuring) {
        static RunawayView of(RunawayEpisode e) {
            return new RunawayView(
                    e.id(),
                    e.victimId(),
                    e.version(),
                    e.institutionType(),
                    e.missingSince(),
                    e.reportedOn(),
                    e.foundOn(),
                    e.victimisedDuring());
        }
    }

    public record ReferralRequest(
            @NotBlank @Size(max = 40) String careType,
            @NotNull LocalDate referredOn,
            LocalDate startedOn,
            LocalDate endedOn) {
        /** An example for the API document (synthetic). */
        public static final ReferralRequest EXAMPLE =
                new ReferralRequest("SHELTER", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 19), null);
    }

    public record ReferralView(
            Long id,
            long victimId,
            long version,
            String careType,
            LocalDate referredOn,
            LocalDate startedOn,
            LocalDate endedOn) {
        static ReferralView of(CareReferral r) {
            return new ReferralView(
                    r.id(), r.victimId(), r.version(), r.careType(), r.referredOn(), r.startedOn(), r.endedOn());
        }
    }
}
