package nl.ketenzicht.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.PilotRequest;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ContextRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    @Test
    void aYearMayBeEnteredUpToOneYearAhead() {
        assertEquals(Map.of(), codes(c -> ContextRules.year(c, "year", 2026, TODAY)), "next year's plan");
        assertEquals(Map.of("year", "check.yearTooFarAhead"), codes(c -> ContextRules.year(c, "year", 2027, TODAY)));
        assertEquals(Map.of("year", "validation.min"), codes(c -> ContextRules.year(c, "year", 1999, TODAY)));
    }

    @Test
    void fteHaveAtMostTwoDecimalsTrailingZerosNotCounted() {
        CapacityRequest r = new CapacityRequest(
                new BigDecimal("1.25"), new BigDecimal("1.250000"), new BigDecimal("0.125"), BigDecimal.ZERO);
        assertEquals(Map.of("digital", "check.fteDecimals"), codes(c -> ContextRules.capacity(c, r)));
    }

    @Test
    void aPilotEndsOnOrAfterItsStartInKnownDistinctUnits() {
        PilotRequest ok =
                new PilotRequest("P", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), List.of("AMS", "RDM"));
        assertEquals(
                Map.of(), codes(c -> ContextRules.pilot(c, ok, Set.of("AMS", "RDM")::contains)), "a one-day pilot");
        PilotRequest bad = new PilotRequest(
                "P", LocalDate.of(1999, 1, 1), LocalDate.of(1998, 12, 31), List.of("AMS", "XX", "AMS"));
        assertEquals(
                Map.of(
                        "endsOn",
                        "check.notBeforeField",
                        "startsOn",
                        "validation.min",
                        "policeUnits",
                        "check.unknownPoliceUnit"),
                codes(c -> ContextRules.pilot(c, bad, Set.of("AMS")::contains)),
                "one error per field, the first found");
        PilotRequest twice = new PilotRequest("P", LocalDate.of(2024, 1, 1), null, List.of("AMS", "AMS"));
        assertEquals(
                Map.of("policeUnits", "check.duplicateValue"),
                codes(c -> ContextRules.pilot(c, twice, Set.of("AMS")::contains)));
    }

    @Test
    void aRegionalCoordinatorKeepsAPilotOnlyWhenTheirUnitIsItsOnlyUnit() {
        assertTrue(ContextRules.onlyOwnUnit(List.of("AMS"), "AMS"));
        assertFalse(ContextRules.onlyOwnUnit(List.of("AMS", "RDM"), "AMS"));
        assertFalse(ContextRules.onlyOwnUnit(List.of(), "AMS"));
        assertFalse(ContextRules.onlyOwnUnit(null, "AMS"));
    }

    @Test
    void aSaveNeedsTheCurrentVersionExceptTheFirstAndAnUploadsOverwrite() {
        assertEquals(1, ContextService.nextVersion(Optional.empty(), null, true), "the first value needs no If-Match");
        assertEquals(
                412,
                assertThrows(ProblemException.class, () -> ContextService.nextVersion(Optional.empty(), 3L, true))
                        .status(),
                "an If-Match for a value nobody saved is stale");
        assertEquals(
                428,
                assertThrows(ProblemException.class, () -> ContextService.nextVersion(Optional.of(2L), null, true))
                        .status());
        assertEquals(
                412,
                assertThrows(ProblemException.class, () -> ContextService.nextVersion(Optional.of(2L), 1L, true))
                        .status());
        assertEquals(3, ContextService.nextVersion(Optional.of(2L), 2L, true));
        assertEquals(
                3,
                ContextService.nextVersion(Optional.of(2L), null, false),
                "an upload saves over the version its preview showed");
    }

    private static Map<String, String> codes(java.util.function.Consumer<Checks> rule) {
        Checks checks = new Checks(CLOCK);
        rule.accept(checks);
        return checks.errors().stream().collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::code));
    }
}
