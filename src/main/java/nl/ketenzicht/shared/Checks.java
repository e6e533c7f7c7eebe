package nl.ketenzicht.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import nl.ketenzicht.shared.problem.ConstraintCodes;
import nl.ketenzicht.shared.problem.ConstraintViolationMapper;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Checks of a request: its Bean Validation constraints ({@link #valid}) and what Bean Validation
 * cannot check (dates against the injected clock, codes against the reference lists). Collects every
 * failure, so the client learns all of them in one 400; a field that failed already is not checked
 * again, so it gets one message and a later check may rely on the earlier ones having passed.
 */
public final class Checks {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Clock clock;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Checks(Clock clock) {
        this.clock = clock;
    }

    /** The request's Bean Validation constraints, for requests whose resource leaves them to the service. */
    public Checks valid(Validator validator, Object request) {
        validator.validate(request).stream()
                .sorted(Comparator.comparing(
                        (ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> add(ConstraintCodes.errorOf(ConstraintViolationMapper.fieldOf(v), v)));
        return this;
    }

    /** A date of something that happened: not before 1900, not after today. */
    public Checks past(String field, LocalDate date) {
        if (date != null && date.isBefore(EARLIEST)) {
            fail(field, MessageCode.DATE_BEFORE_1900, "A date before 1900 is not plausible.");
        } else if (date != null && date.isAfter(LocalDate.now(clock))) {
            fail(field, MessageCode.DATE_IN_FUTURE, "This date lies in the future.");
        }
        return this;
    }

    public Checks notBefore(String field, LocalDate date, String otherField, LocalDate other) {
        if (date != null && other != null && date.isBefore(other)) {
            fail(
                    field,
                    MessageCode.NOT_BEFORE_FIELD,
                    Map.of("otherField", otherField),
                    "Must not be before " + otherField + ".");
        }
        return this;
    }

    public Checks code(String field, String value, Predicate<String> exists) {
        if (value != null && !exists.test(value)) {
            fail(
                    field,
                    MessageCode.UNKNOWN_CODE,
                    Map.of("value", printable(value)),
                    "Unknown code '" + printable(value) + "'.");
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

    public Checks require(boolean condition, String field, MessageCode code, String message) {
        if (!condition) {
            fail(field, code, message);
        }
        return this;
    }

    /** A check that is evaluated only if the fields it reads have not failed already (they may be null). */
    public Checks requireIfValid(
            List<String> reads, BooleanSupplier condition, String field, MessageCode code, String message) {
        if (reads.stream().noneMatch(this::failed) && !condition.getAsBoolean()) {
            fail(field, code, message);
        }
        return this;
    }

    public Checks fail(String field, MessageCode code, String message) {
        return fail(field, code, Map.of(), message);
    }

    public Checks fail(String field, MessageCode code, Map<String, ?> params, String message) {
        return add(new Problem.FieldError(field, code, params, message));
    }

    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Failures found elsewhere (the checks of a value), each kept unless its field failed already. */
    public Checks include(List<Problem.FieldError> more) {
        more.forEach(this::add);
        return this;
    }

    /** The failures so far, for a caller that reports them other than as one 400 (an upload's preview). */
    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Checks add(Problem.FieldError error) {
        if (!failed(error.field())) {
            errors.add(error);
        }
        return this;
    }

    /** Echoes a rejected value back only in a harmless shape. */
    private static String printable(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
