package nl.ketenzicht.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * List filters and paging, as the resource reads them from the query (each a parameter of its own:
 * a malformed value is then refused by name, without the container's injection failure being logged).
 * {@code q} is free text: a case number, or part of a municipality's name. Sorting is limited to a whitelist.
 */
public record CaseFilter(
        String municipality,
        String policeUnit,
        String courtDistrict,
        Origin origin,
        CaseStatus status,
        String exploitationForm,
        TeamType teamType,
        LocalDate openedFrom,
        LocalDate openedTo,
        String q,
        int offset,
        int limit,
        String sort) {

    static final Map<String, String> SORTABLE = Map.of(
            "openedOn",
            "c.openedOn",
            "id",
            "c.id",
            "municipality",
            "c.region.municipalityCode",
            "origin",
            "c.origin",
            "status",
            "c.status",
            "policeUnit",
            "c.region.policeUnit");
}
