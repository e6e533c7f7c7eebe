package nl.ketenzicht.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.problem.ProblemException;
import nl.ketenzicht.shared.problem.ServiceUnavailable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditor's views of the access log. Reading the log is itself logged. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR_)
@Tag(name = "Audit")
@Transactional
public class AuditResource {

    @Inject
    AuditQueries queries;

    @Inject
    AuditSealer sealer;

    @Inject
    AccessLog log;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("log")
    @Operation(
            summary = "Searches the accesses by your organisation's people and every access by anyone to your "
                    + "organisation's records (refusals included), by actor, user, action, subject and period.")
    public Page<AuditViews.EntryView> search(
            @QueryParam("actor") @Size(max = 40) @Parameter(description = "Who acted: user:<id> or token:<id>.")
                    String actor,
            @QueryParam("username") @Size(max = 80) @Parameter(description = "The username of the acting user.")
                    String username,
            @QueryParam("action")
                    @Size(max = 20)
                    @Parameter(
                            description = "The action: CREATE, READ, UPDATE, DELETE, SEARCH, EXPORT, REPORT, "
                                    + "LOGIN, LOGOUT, LOGIN_FAILED, ADMIN_CHANGE or AUDIT_READ.")
                    String action,
            @QueryParam("subject") @Parameter(description = "Only accesses to this data subject (a party id).")
                    Long subject,
            @QueryParam("from") @Parameter(description = "Accesses on or after this day.") LocalDate from,
            @QueryParam("to") @Parameter(description = "Accesses on or before this day.") LocalDate to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        AuditFilter filter = new AuditFilter(actor, username, action, subject, from, to, offset, limit);
        Page<AuditViews.EntryView> page =
                sql(() -> queries.search(filter, caller.require().organisationId()));
        logged("access-log", null, page);
        return page;
    }

    @GET
    @Path("subjects/{victimId}")
    @Operation(summary = "Who accessed this victim's records, when and why — auditors' reads included.")
    public Page<AuditViews.EntryView> subject(
            @PathParam("victimId") long victimId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (!sql(() -> queries.subjectInScope(victimId, caller.require().organisationId()))) {
            throw ProblemException.notFound("Victim " + victimId);
        }
        logged("subject-overview", victimId, null);
        return sql(() -> queries.subject(victimId, offset, limit));
    }

    @GET
    @Path("break-glass")
    @Operation(summary = "Break-glass grants by your organisation's users or on its cases.")
    public List<AuditViews.BreakGlassView> breakGlass() {
        logged("break-glass", null, null);
        return sql(() -> queries.breakGlass(caller.require().organisationId()));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verifies the hash chain of the whole access log and reports the first broken link.")
    public ChainVerifier.Result verify() {
        logged("access-log-chain", null, null);
        return sql(sealer::verify);
    }

    private void logged(String type, Long subject, Page<AuditViews.EntryView> page) {
        List<Long> ids = page == null
                ? List.of()
                : page.items().stream().map(AuditViews.EntryView::id).toList();
        log.record(new AccessEvent(
                AccessEvent.Action.AUDIT_READ,
                type,
                ids,
                subject == null ? List.of() : List.of(subject),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw ServiceUnavailable.database();
        }
    }
}
