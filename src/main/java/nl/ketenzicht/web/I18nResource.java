package nl.ketenzicht.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The texts of the browser front end, per language. Public: the login page needs them before anyone
 * is logged in, and they are the same non-sensitive interface texts for everybody.
 */
@Path("i18n")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interface texts")
public class I18nResource {

    @GET
    @Path("{locale}")
    @PermitAll
    @Operation(summary = "All interface texts of one language (nl or en) as a flat key → text object.")
    public Map<String, String> messages(@PathParam("locale") String locale) {
        return Messages.of(locale).orElseThrow(() -> ProblemException.notFound("Language " + locale));
    }
}
