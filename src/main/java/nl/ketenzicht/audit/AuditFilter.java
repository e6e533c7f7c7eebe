package nl.ketenzicht.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;

/** Search parameters of the access log. */
public class AuditFilter {

    @QueryParam("actor")
    @Size(max = 40)
    String actor;
    @QueryParam("username")
    @Size(max = 80)
    String username;
    @QueryParam("action")
    @Size(max = 20)
    String action;
    @QueryParam("subject")
    Long subject;
    @QueryParam("from")
    LocalDate from;
    @QueryParam("to")
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
