package nl.ketenzicht.context;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and views of the context inputs: capacity, local priorities, pilots and case tags. */
public final class ContextRequests {

    /** FTE bounds: no police unit has more people in a team than this. */
    static final String MAX_FTE = "5000";

    private ContextRequests() {}

    /** FTE of a police unit in a year, per team; at most two decimals. */
    public record CapacityRequest(
            @NotNull @DecimalMin("0") @DecimalMax(MAX_FTE) BigDecimal avim,
            @NotNull @DecimalMin("0") @DecimalMax(MAX_FTE) BigDecimal zeden,
            @NotNull @DecimalMin("0") @DecimalMax(MAX_FTE) BigDecimal digital,
            @NotNull @DecimalMin("0") @DecimalMax(MAX_FTE) BigDecimal psychologists) {
        /** An example for the API document (synthetic). */
        public static final CapacityRequest EXAMPLE = new CapacityRequest(
                new BigDecimal("24.5"), new BigDecimal("18"), new BigDecimal("6.8"), new BigDecimal("1.2"));
    }

    public record CapacityView(
            String policeUnit,
            int year,
            BigDecimal avim,
            BigDecimal zeden,
            BigDecimal digital,
            BigDecimal psychologists,
            long version,
            String changedBy,
            Instant changedAt) {}

    /** Whether trafficking is a priority in the municipality's local safety plan that year. */
    public record PriorityRequest(@NotNull Boolean priority) {
        /** An example for the API document (synthetic). */
        public static final PriorityRequest EXAMPLE = new PriorityRequest(true);
    }

    public record PriorityView(
            String municipalityCode,
            String municipalityName,
            String policeUnit,
            int year,
            boolean priority,
            long version,
            String changedBy,
            Instant changedAt) {}

    /** A programme or pilot: its name, first day, last day (none while open-ended) and police units. */
    public record PilotRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            LocalDate endsOn,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[A-Z]{2,8}") String> policeUnits) {
        /** An example for the API document (synthetic). */
        public static final PilotRequest EXAMPLE = new PilotRequest(
                "Proeftuin aangiftebereidheid",
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2024, 12, 31),
                List.of("AMS", "RDM"));
    }

    public record PilotView(
            long id,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            List<String> policeUnits,
            long taggedCases,
            long version,
            String changedBy,
            Instant changedAt) {}

    /** One version of a record as it was saved, the current one included, newest first. */
    public record Version<T>(long version, T value, String changedBy, Instant changedAt) {}

    public record CapacityValue(BigDecimal avim, BigDecimal zeden, BigDecimal digital, BigDecimal psychologists) {}

    public record PilotValue(String name, LocalDate startsOn, LocalDate endsOn, List<String> policeUnits) {}

    /** A case's pilots: those it is tagged with, and those of its police unit it may be tagged with. */
    public record CasePilotsView(
            long caseId, List<CasePilot> tagged, List<CasePilot> available, List<TagChange> history) {}

    public record CasePilot(long pilotId, String name, LocalDate startsOn, LocalDate endsOn) {}

    public record TagChange(long pilotId, boolean tagged, String changedBy, Instant changedAt) {}
}
