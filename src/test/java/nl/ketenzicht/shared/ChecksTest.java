package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void collectsEveryFailureWithItsCodeInOneProblem() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> new Checks(CLOCK)
                        .past("openedOn", LocalDate.of(2999, 1, 1))
                        .code("origin", "RUMOUR", Set.of("AANGIFTE")::contains)
                        .past("closedOn", LocalDate.of(1850, 1, 1))
                        .throwIfAny());
        assertEquals(400, e.status());
        assertEquals("request.invalid", e.code().code());
        assertEquals(Map.of("count", 3), e.params());
        List<Problem.FieldError> errors = e.errors();
        assertEquals(
                List.of("openedOn", "origin", "closedOn"),
                errors.stream().map(Problem.FieldError::field).toList());
        assertEquals(
                List.of("check.dateInFuture", "check.unknownCode", "check.dateBefore1900"),
                errors.stream().map(Problem.FieldError::code).toList());
        assertEquals(Map.of("value", "RUMOUR"), errors.get(1).params(), "the refused value is a parameter");
    }

    @Test
    void aFieldThatFailedIsNotCheckedAgain() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> new Checks(CLOCK)
                        .past("on", LocalDate.of(2999, 1, 1))
                        .requireIfValid(
                                List.of("on"),
                                () -> {
                                    throw new AssertionError("must not run on a failed field");
                                },
                                "on",
                                nl.ketenzicht.shared.problem.MessageCode.NOT_BEFORE_FIELD,
                                "never")
                        .past("on", LocalDate.of(1850, 1, 1))
                        .throwIfAny());
        assertEquals(1, e.errors().size(), "one message per field: " + e.errors());
    }

    @Test
    void nothingToSayIsNoProblem() {
        new Checks(CLOCK)
                .past("on", LocalDate.of(2025, 5, 31))
                .code("origin", null, c -> false)
                .throwIfAny();
    }
}
