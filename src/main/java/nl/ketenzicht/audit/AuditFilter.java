package nl.ketenzicht.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/** Search parameters of the access log. */
public class AuditFilter {

    @QueryParam("actor")
    @Parameter(description = "Who acted: user:<id> or token:<id>.")
    @Size(max = 40)
    String actor;
    @QueryParam("username")
    @Parameter(description = "The username of the acting user.")
    @Size(max = 80)
    String username;
    @QueryParam("action")
    @Parameter(description = "The action: CREATE, READ, UPDATE, DELETE, SEARCH, EXPORT, REPORT, LOGIN, LOGOUT, LOGIN_FAILED, ADMIN_CHANGE or AUDIT_READ.")
    @Size(max = 20)
    String action;
    @QueryParam("subject")
    @Parameter(description = "Only accesses to this data subject (a party id).")
    Long subject;
    @QueryParam("from")
    @Parameter(description = "Accesses on or after this day.")
    LocalDate from;
    @QueryParam("to")
    @Parameter(description = "Accesses on or before this day.")
    LocalDate to;
    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    int offset;
    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    int limit;
}
