package nl.ketenzicht.reports;

import java.time.LocalDate;

/**
 * One suspect's dated chain stages and its case's closing day and reason (null while open), as the
 * party facts keep them: what {@link Interval} turns into a competing-risks observation.
 */
public record ChainFact(
        LocalDate inViewOn,
        LocalDate omInflowOn,
        LocalDate decisionOn,
        String decision,
        LocalDate verdictOn,
        LocalDate caseClosedOn,
        String caseClosingReason) {}
