package nl.ketenzicht.shared;

import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks that Bean Validation cannot make (dates against the injected clock, codes against the
 * reference lists); collects every failure so the client learns all of them at once.
 */
public final class Checks {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Clock clock;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Checks(Clock clock) {
        this.clock = clock;
    }

    /** A date of something that happened: not before 1900, not after today. */
    public Checks past(String field, LocalDate date) {
        if (date != null && date.isBefore(EARLIEST)) {
            fail(field, "A date before 1900 is not plausible.");
        } else if (date != null && date.isAfter(LocalDate.now(clock))) {
            fail(field, "This date lies in the future.");
        }
        return this;
    }

    public Checks notBefore(String field, LocalDate date, String otherField, LocalDate other) {
        if (date != null && other != null && date.isBefore(other)) {
            fail(field, "Must not be before " + otherField + ".");
        }
        return this;
    }

    public Checks code(String field, String value, Predicate<String> exists) {
        if (value != null && !exists.test(value)) {
            fail(field, "Unknown code '" + printable(value) + "'.");
        }
        return this;
    }

    public Checks codes(String field, Iterable<String> values, Predicate<String> exists) {
        if (values != null) {
            for (String v : values) {
                code(field, v, exists);
            }
        }
        return this;
    }

    public Checks require(boolean condition, String field, String message) {
        if (!condition) {
            fail(field, message);
        }
        return this;
    }

    public Checks fail(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Echoes a rejected value back only in a harmless shape. */
    private static String printable(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
