package nl.ketenzicht.cases;

import java.time.LocalDate;
import java.util.Set;

/** The descriptive fields of a case after validation, with the region already derived. */
public record CaseDetails(
        Region region,
        LocalDate openedOn,
        Origin origin,
        Long signallingOrganisationId,
        Set<String> exploitationForms,
        Set<String> investigationMethods,
        TeamType teamType,
        int suspectCount,
        boolean network) {}
