package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;

/**
 * One case of a synthetic world with everything in it. Organisations are indexes into the world's
 * organisation list; the writer maps them to database ids.
 */
public record SyntheticCase(
        int index,
        int ownerOrganisation,
        Municipality municipality,
        LocalDate openedOn,
        Origin origin,
        Integer signallingOrganisation,
        Set<String> exploitationForms,
        Set<String> investigationMethods,
        TeamType teamType,
        boolean network,
        CaseStatus status,
        LocalDate closedOn,
        String closingReason,
        Instant createdAt,
        List<SyntheticVictim> victims,
        List<SyntheticOffender> suspects,
        List<SyntheticOffender> clients) {

    /** The complexity figure of the case is the number of suspects actually recorded. */
    public int suspectCount() {
        return suspects.size();
    }

    public boolean sexual() {
        return exploitationForms.contains("SEXUAL");
    }

    public int partyCount() {
        return victims.size() + suspects.size() + clients.size();
    }
}
