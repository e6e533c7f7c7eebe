package nl.ketenzicht.reports.aggregates;

import java.time.LocalDate;

/**
 * The furthest chain stages of one party, with their dates, as the reports need them, and the day and
 * reason its case was closed (null while open), where a chain that stopped short of a stage ended.
 */
public record PartyChain(
        long partyId,
        String kind,
        boolean ageCheckAtIssue,
        LocalDate inViewOn,
        LocalDate omInflowOn,
        LocalDate decisionOn,
        String decision,
        LocalDate verdictOn,
        String verdict,
        boolean custody,
        LocalDate caseClosedOn,
        String caseClosingReason) {

    boolean summoned() {
        return "SUMMONS".equals(decision);
    }

    boolean convicted() {
        return "CONVICTION".equals(verdict);
    }

    /** Adds this party to the counts of its case, in {@link CaseContribution#COLUMNS} order. */
    void addTo(long[] counts) {
        switch (kind) {
            case "VICTIM" -> counts[1]++;
            case "SUSPECT" -> {
                counts[2]++;
                add(counts, 3, inViewOn != null, omInflowOn != null, summoned(), convicted(), custody);
            }
            case "CLIENT" -> {
                counts[8]++;
                add(counts, 9, omInflowOn != null, summoned(), convicted(), custody);
                counts[13] += ageCheckAtIssue ? 1 : 0;
            }
            default -> throw new IllegalStateException("unknown party kind " + kind);
        }
    }

    private static void add(long[] counts, int from, boolean... reached) {
        for (int i = 0; i < reached.length; i++) {
            counts[from + i] += reached[i] ? 1 : 0;
        }
    }
}
