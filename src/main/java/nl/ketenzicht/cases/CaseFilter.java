package nl.ketenzicht.cases;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/** List filters and paging, bound from query parameters. Sorting is limited to a whitelist. */
public class CaseFilter {

    @QueryParam("municipality")
    @Parameter(description = "Only cases in this municipality (CBS code, e.g. GM0363).")
    String municipality;
    @QueryParam("policeUnit")
    @Parameter(description = "Only cases in this police unit (e.g. AMS).")
    String policeUnit;
    @QueryParam("courtDistrict")
    @Parameter(description = "Only cases in this court district.")
    String courtDistrict;
    @QueryParam("origin")
    @Parameter(description = "Only cases of this origin.")
    Origin origin;
    @QueryParam("status")
    @Parameter(description = "Only open or only closed cases.")
    CaseStatus status;
    @QueryParam("exploitationForm")
    @Parameter(description = "Only cases with this exploitation form among theirs (code list EXPLOITATION_FORM).")
    String exploitationForm;
    @QueryParam("teamType")
    @Parameter(description = "Only cases of this team type.")
    TeamType teamType;
    @QueryParam("openedFrom")
    @Parameter(description = "Only cases opened on or after this day.")
    LocalDate openedFrom;
    @QueryParam("openedTo")
    @Parameter(description = "Only cases opened on or before this day.")
    LocalDate openedTo;
    /** Free text: a case number, or part of a municipality's name. */
    @QueryParam("q")
    @Parameter(description = "Free text: a case number, or part of a municipality name.")
    String q;
    @QueryParam("offset")
    @DefaultValue("0")
    int offset;
    @QueryParam("limit")
    @DefaultValue("25")
    int limit;
    @QueryParam("sort")
    @Parameter(description = "field,direction with field one of openedOn, id, municipality, origin, status, policeUnit and direction asc or desc.")
    @DefaultValue("openedOn,desc")
    String sort;

    public CaseFilter() {
    }

    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "openedOn", "c.openedOn", "id", "c.id", "municipality", "c.region.municipalityCode",
            "origin", "c.origin", "status", "c.status", "policeUnit", "c.region.policeUnit");
}
