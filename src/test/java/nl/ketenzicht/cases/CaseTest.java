package nl.ketenzicht.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import org.junit.jupiter.api.Test;

/** The case's lifecycle (opened → revised → closed → reopened) and its rules, without a container. */
class CaseTest {

    private static final LocalDate OPENED = LocalDate.of(2024, 3, 1);
    private static final Region AMSTERDAM = new Region("GM0363", "AMS", "AMS", "AMS");

    private static CaseDetails details(LocalDate openedOn, Origin origin, Long signaller) {
        return new CaseDetails(
                AMSTERDAM, openedOn, origin, signaller, Set.of("SEXUAL"), Set.of(), TeamType.AVIM, 2, true);
    }

    private static Case opened() {
        return new Case(7, details(OPENED, Origin.AANGIFTE, null), Instant.EPOCH, "caseworker");
    }

    private static String refusal(Runnable r) {
        return assertThrows(DomainRuleViolation.class, r::run).rule();
    }

    @Test
    void aNewCaseIsOpenWithItsDetails() {
        Case c = opened();
        assertEquals(CaseStatus.OPEN, c.status());
        assertEquals(7, c.ownerOrganisationId());
        assertEquals(OPENED, c.openedOn());
        assertEquals(Set.of("SEXUAL"), c.exploitationForms());
        assertEquals("AMS", c.region().policeUnit());
    }

    @Test
    void closingRecordsDayAndReasonAndReopeningClearsThem() {
        Case c = opened();
        c.close(OPENED.plusMonths(2), "SOLVED");
        assertEquals(CaseStatus.CLOSED, c.status());
        assertEquals(OPENED.plusMonths(2), c.closedOn());
        assertEquals("SOLVED", c.closingReason());
        c.reopen();
        assertEquals(CaseStatus.OPEN, c.status());
        assertNull(c.closedOn());
        assertNull(c.closingReason());
    }

    @Test
    void aCaseClosesOnceAndNotBeforeItOpened() {
        Case c = opened();
        assertEquals("CASE_CLOSED_BEFORE_OPENED", refusal(() -> c.close(OPENED.minusDays(1), "SOLVED")));
        assertEquals(CaseStatus.OPEN, c.status(), "a refused close leaves the case open");
        c.close(OPENED, "SOLVED");
        assertEquals("CASE_ALREADY_CLOSED", refusal(() -> c.close(OPENED.plusDays(1), "OTHER")));
        assertEquals("SOLVED", c.closingReason(), "a refused second close keeps the first reason");
    }

    @Test
    void onlyAClosedCaseReopens() {
        assertEquals("CASE_NOT_CLOSED", refusal(() -> opened().reopen()));
    }

    @Test
    void aClosedCaseCannotBeRevisedToOpenAfterItsClosingDay() {
        Case c = opened();
        c.close(OPENED.plusDays(10), "SOLVED");
        assertEquals(
                "CASE_OPENED_AFTER_CLOSED",
                refusal(() -> c.revise(details(OPENED.plusDays(11), Origin.AANGIFTE, null))));
        assertEquals(OPENED, c.openedOn());
        c.revise(details(OPENED.plusDays(10), Origin.AMBTSHALVE, null));
        assertEquals(OPENED.plusDays(10), c.openedOn());
        assertEquals(Origin.AMBTSHALVE, c.origin());
    }

    @Test
    void aSignalNamesItsSignallerAndOnlyASignalKeepsOne() {
        assertEquals(
                "SIGNAL_NEEDS_SIGNALLER",
                refusal(() -> new Case(7, details(OPENED, Origin.SIGNAL, null), Instant.EPOCH, "w")));
        Case c = new Case(7, details(OPENED, Origin.SIGNAL, 12L), Instant.EPOCH, "w");
        assertEquals(12L, c.signallingOrganisationId());
        c.revise(details(OPENED, Origin.AANGIFTE, 12L));
        assertNull(c.signallingOrganisationId(), "a signaller without a signal is dropped");
    }

    @Test
    void theSetsHandedOutAreCopies() {
        Case c = opened();
        assertThrows(
                UnsupportedOperationException.class, () -> c.exploitationForms().add("LABOUR"));
        assertEquals(Set.of("SEXUAL"), c.exploitationForms());
    }
}
