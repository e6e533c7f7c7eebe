package nl.ketenzicht.indicators;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.ketenzicht.shared.Years;

/** Requests and views of indicators and their targets. */
public final class IndicatorRequests {

    private IndicatorRequests() {}

    /** An indicator counts one maintained counter (e.g. s_om_inflow), optionally filtered. */
    public record IndicatorRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String metric,
            String origin,
            String form,
            String team) {
        /** An example for the API document (synthetic). */
        public static final IndicatorRequest EXAMPLE = new IndicatorRequest(
                "Sexual exploitation: suspects reaching the OM", "s_om_inflow", null, "SEXUAL", null);
    }

    /** A target for a year; policeUnit null means the national target. */
    public record TargetRequest(
            @NotNull @Min(Years.MIN) @Max(Years.MAX) Integer year,
            @Pattern(regexp = "[A-Z]{2,8}") String policeUnit,
            @NotNull @Min(0) Long target) {
        /** An example for the API document (synthetic). */
        public static final TargetRequest EXAMPLE = new TargetRequest(2025, "AMS", 120L);
    }

    public record IndicatorView(
            long id, String name, String metric, String origin, String form, String team, List<TargetView> targets) {}

    public record TargetView(int year, String policeUnit, long target) {}

    /** Actual against target for one region (or "NL") and year; actual is a published cell. */
    public record ResultRow(String region, int year, Long actual, String actualDisplay, Long target, Boolean met) {}

    public record ResultsView(long indicatorId, String name, String metric, int k, List<ResultRow> rows) {}
}
