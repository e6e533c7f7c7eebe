package nl.ketenzicht.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.ketenzicht.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner organisations by name, so that forms can offer them for signals and sharing. */
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class DirectoryResource {

    @Inject
    Users users;

    public record Entry(Long id, String name, OrganisationType type, String policeUnit) {}

    @GET
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.AUDITOR_, Role.ADMIN_})
    @Operation(summary = "Enabled partner organisations: id, name, type and police unit.")
    public List<Entry> list() {
        return users.organisations().stream()
                .filter(Organisation::enabled)
                .map(o -> new Entry(o.id(), o.name(), o.type(), o.policeUnit()))
                .toList();
    }
}
