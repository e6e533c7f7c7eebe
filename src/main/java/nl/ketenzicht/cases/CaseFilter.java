package nl.ketenzicht.cases;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;

/** List filters and paging, bound from query parameters. Sorting is limited to a whitelist. */
public class CaseFilter {

    @QueryParam("municipality")
    String municipality;
    @QueryParam("policeUnit")
    String policeUnit;
    @QueryParam("courtDistrict")
    String courtDistrict;
    @QueryParam("origin")
    Origin origin;
    @QueryParam("status")
    CaseStatus status;
    @QueryParam("exploitationForm")
    String exploitationForm;
    @QueryParam("teamType")
    TeamType teamType;
    @QueryParam("openedFrom")
    LocalDate openedFrom;
    @QueryParam("openedTo")
    LocalDate openedTo;
    /** Free text: a case number, or part of a municipality's name. */
    @QueryParam("q")
    String q;
    @QueryParam("offset")
    @DefaultValue("0")
    int offset;
    @QueryParam("limit")
    @DefaultValue("25")
    int limit;
    @QueryParam("sort")
    @DefaultValue("openedOn,desc")
    String sort;

    public CaseFilter() {
    }

    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "openedOn", "c.openedOn", "id", "c.id", "municipality", "c.region.municipalityCode",
            "origin", "c.origin", "status", "c.status", "policeUnit", "c.region.policeUnit");
}
