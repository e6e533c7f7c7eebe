package nl.ketenzicht.linkage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/** What a coordinator asks an estimate for. */
public final class EstimateRequests {

    /** Longest period one estimate may cover. */
    static final int MAX_YEARS = 10;

    private EstimateRequests() {}

    /**
     * @param period where registrations fall (registeredOn)
     * @param region a police-unit code, or null / "NATIONAL" for the whole country
     * @param lists  2–8 lists: an organisation type (POLICE, CARE, YOUTH_CARE, NATIONAL, KMAR,
     *               INSPECTORATE, OM, OTHER) or a named organisation as "org:&lt;id&gt;"
     * @param terms  optional: fit this model ("POLICE:CARE", …) instead of the stepwise choice
     */
    public record EstimateRequest(
            @NotNull @Valid Period period,
            String region,
            @NotNull @Size(min = 2, max = 8) List<@NotNull String> lists,
            @Size(max = 28) List<@NotNull String> terms) {
        /** An example for the API document (synthetic). */
        public static final EstimateRequest EXAMPLE =
                new EstimateRequest(Period.ofYear(2024), "NATIONAL", List.of("POLICE", "CARE", "YOUTH_CARE"), null);
    }

    /**
     * A whitelisted period, so that estimates cannot be differenced down to a few days: a year, a
     * quarter of a year, or a range of whole quarters ({@code from} on the first day of a quarter,
     * {@code to} on the last day of one).
     */
    public record Period(
            @Min(Years.MIN) @Max(Years.MAX) Integer year,
            @Min(1) @Max(4) Integer quarter,
            LocalDate from,
            LocalDate to) {

        public static Period ofYear(int year) {
            return new Period(year, null, null, null);
        }

        DateRange resolve() {
            if (year != null && from == null && to == null) {
                return quarter == null
                        ? new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                        : quarterOf(year, quarter);
            }
            if (year == null && quarter == null && from != null && to != null) {
                return wholeQuarters(from, to);
            }
            throw ProblemException.invalid(
                    "period",
                    MessageCode.PERIOD_INCOMPLETE,
                    "Give a year (optionally with a quarter 1–4), or from and to.");
        }

        private static DateRange quarterOf(int year, int quarter) {
            LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
            return new DateRange(start, start.plusMonths(3).minusDays(1));
        }

        private static DateRange wholeQuarters(LocalDate from, LocalDate to) {
            boolean startsQuarter = from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0;
            boolean endsQuarter = to.plusDays(1).getDayOfMonth() == 1 && to.getMonthValue() % 3 == 0;
            if (!startsQuarter || !endsQuarter || !from.isBefore(to)) {
                throw ProblemException.invalid(
                        "period",
                        MessageCode.PERIOD_WHOLE_QUARTERS,
                        "A range must consist of whole quarters: from the first day "
                                + "of a quarter to the last day of a quarter.");
            }
            if (from.plusYears(MAX_YEARS).isBefore(to)) {
                throw ProblemException.invalid(
                        "period",
                        MessageCode.PERIOD_TOO_LONG,
                        java.util.Map.of("years", MAX_YEARS),
                        "A period covers at most " + MAX_YEARS + " years.");
            }
            return new DateRange(from, to);
        }
    }

    /** Inclusive date range. */
    public record DateRange(LocalDate from, LocalDate to) {}
}
