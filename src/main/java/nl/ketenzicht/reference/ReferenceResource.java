package nl.ketenzicht.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reference lists, for forms and for partner systems. */
@Path("reference")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.AUDITOR_, Role.ADMIN_})
@Tag(name = "Reference data")
public class ReferenceResource {

    @Inject
    ReferenceData reference;

    @GET
    @Path("police-units")
    @Operation(summary = "The police units.")
    public List<ReferenceViews.PoliceUnit> policeUnits() {
        return reference.lists().policeUnits();
    }

    @GET
    @Path("prosecution-offices")
    @Operation(summary = "The OM offices (arrondissementsparketten).")
    public List<ReferenceViews.ProsecutionOffice> prosecutionOffices() {
        return reference.lists().prosecutionOffices();
    }

    @GET
    @Path("court-districts")
    @Operation(summary = "The court districts.")
    public List<ReferenceViews.CourtDistrict> courtDistricts() {
        return reference.lists().courtDistricts();
    }

    @GET
    @Path("municipalities")
    @Operation(summary = "The municipalities with their police unit, court district and OM office.")
    public Collection<ReferenceViews.Municipality> municipalities() {
        return reference.lists().municipalities().values();
    }

    @GET
    @Path("codes/{list}")
    @Operation(
            summary =
                    "The codes of one code list (e.g. VULNERABILITY, EXPLOITATION_FORM) with their Dutch and English labels.")
    public List<ReferenceViews.Code> codes(@PathParam("list") String list) {
        List<ReferenceViews.Code> codes = reference.codes(list);
        if (codes.isEmpty()) {
            throw ProblemException.notFound("Code list " + list);
        }
        return codes;
    }

    @GET
    @Path("articles")
    @Operation(summary = "The articles of law that a charge may name.")
    public List<ReferenceViews.Article> articles() {
        return reference.lists().articles();
    }
}
