package nl.ketenzicht.proceedings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Requests and views of the chain of one suspect or client. */
public final class ProceedingsRequests {

    private ProceedingsRequests() {}

    public record SentenceRequest(
            @Min(0) @Max(36500) Integer custodyUnconditionalDays,
            @Min(0) @Max(36500) Integer custodyConditionalDays,
            @Min(0) @Max(240) Integer communityServiceHours,
            @Min(0) @Max(10_000_000) Integer fineEuros,
            @Size(max = 40) String measure) {}

    public record ChargeRequest(
            @NotBlank @Size(max = 10) String article,
            @NotBlank @Size(max = 10) String lawVersion,
            @NotNull LocalDate offenceDate) {}

    public record ChainEventRequest(
            @NotNull Stage stage,
            @NotNull LocalDate on,
            Decision decision,
            Verdict verdict,
            @Valid SentenceRequest sentence,
            @Size(max = 20) List<@Valid @NotNull ChargeRequest> charges) {
        /** An example for the API document (synthetic). */
        public static final ChainEventRequest EXAMPLE = new ChainEventRequest(
                Stage.IN_VIEW,
                LocalDate.of(2024, 3, 5),
                null,
                null,
                null,
                List.of(new ChargeRequest("273f", "SR", LocalDate.of(2024, 1, 10))));
    }

    public record ChainEventView(
            Long id, Stage stage, LocalDate on, Decision decision, Verdict verdict, SentenceRequest sentence) {}

    public record ChargeView(Long id, String article, String lawVersion, LocalDate offenceDate) {}

    public record ProceedingsView(
            long partyId, long partyVersion, List<ChainEventView> events, List<ChargeView> charges) {}
}
