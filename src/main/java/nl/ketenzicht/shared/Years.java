package nl.ketenzicht.shared;

import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The years a report or estimate may ask for, one rule for every path: parameters carry
 * {@code @Min(Years.MIN) @Max(Years.MAX)}, and the services check again with {@link #range} before
 * any date is built from a year, in long arithmetic so that no extreme value can overflow the check.
 * Parameters read as text (the reports' year and quarters) are checked with {@link #check}, which answers
 * as the annotations do, so that a year out of range reads the same whichever way it arrived.
 */
public final class Years {

    public static final int MIN = 2000;
    public static final int MAX = 2100;

    private Years() {}

    /** One year, as {@code @Min(MIN) @Max(MAX)} on {@code field} would refuse it: 1800 is not an empty report. */
    public static void check(String field, long year) {
        if (year < MIN) {
            throw ProblemException.invalid(
                    field, MessageCode.MIN, Map.of("value", MIN), "Must be at least " + MIN + ".");
        }
        if (year > MAX) {
            throw ProblemException.invalid(
                    field, MessageCode.MAX, Map.of("value", MAX), "Must be at most " + MAX + ".");
        }
    }

    /** fromYear..toYear within MIN..MAX, in order, spanning at most {@code maxYears} years. */
    public static void range(String field, long from, long to, int maxYears) {
        if (from < MIN || to > MAX || from > to || to - from + 1 > maxYears) {
            throw ProblemException.invalid(
                    field,
                    MessageCode.YEAR_RANGE,
                    Map.of("min", MIN, "max", MAX, "years", maxYears),
                    "Use whole years from " + MIN + " to " + MAX + ", in order, at most " + maxYears + " at a time.");
        }
    }
}
