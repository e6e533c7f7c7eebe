package nl.ketenzicht.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an auditor needs of a case to judge an access to it, without its content: who owns it, its
 * region and state, with whom it was shared (scope, purpose, last day, revocation) and the
 * break-glass grants on it. Auditors do not open case files; this view is their logged read instead.
 * The owner's auditors see every share and grant; the auditors of an organisation the case was shared
 * with, or whose users used break-glass on it, see their own organisation's part.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR_)
@Tag(name = "Audit")
@Transactional
public class AuditCaseResource {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    AccessLog log;

    @Inject
    CurrentCaller caller;

    public record ShareEntry(
            long organisationId,
            String organisationName,
            String scope,
            String purpose,
            Instant grantedAt,
            String grantedBy,
            LocalDate expiresOn,
            Instant revokedAt) {}

    public record GrantEntry(long userId, long organisationId, String reason, Instant grantedAt, Instant expiresAt) {}

    public record CaseContext(
            long caseId,
            long ownerOrganisationId,
            String ownerOrganisationName,
            String policeUnit,
            LocalDate openedOn,
            String status,
            LocalDate closedOn,
            List<ShareEntry> shares,
            List<GrantEntry> breakGlass) {}

    @GET
    @Path("cases/{caseId}")
    @Operation(
            summary =
                    "The facts of a case needed to judge an access to it (owner, region, state, shares, break-glass), not its content.")
    public CaseContext caseContext(@PathParam("caseId") long caseId) {
        Caller auditor = caller.require();
        long org = auditor.organisationId();
        List<?> found = em.createNativeQuery(
                        "SELECT c.owner_organisation_id, o.name, c.police_unit, c.opened_on, c.status, c.closed_on "
                                + "FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id WHERE c.id = ?1 AND (c.owner_organisation_id = ?2 "
                                + "OR EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = c.id AND s.organisation_id = ?2) "
                                + "OR EXISTS (SELECT 1 FROM break_glass g JOIN user_account u ON u.id = g.user_id WHERE g.case_id = c.id AND u.organisation_id = ?2))")
                .setParameter(1, caseId)
                .setParameter(2, org)
                .getResultList();
        if (found.isEmpty()) {
            log.recordApart(new AccessEvent(
                    AccessEvent.Action.AUDIT_READ,
                    "case-context",
                    List.of(caseId),
                    List.of(),
                    AccessEvent.Outcome.NOT_FOUND,
                    null,
                    false));
            throw ProblemException.notFound("Case " + caseId);
        }
        Object[] c = (Object[]) found.get(0);
        long owner = ((Number) c[0]).longValue();
        boolean ownersAuditor = owner == org;
        log.record(new AccessEvent(
                AccessEvent.Action.AUDIT_READ,
                "case-context",
                List.of(caseId),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
        return new CaseContext(
                caseId,
                owner,
                (String) c[1],
                (String) c[2],
                date(c[3]),
                (String) c[4],
                date(c[5]),
                shares(caseId, ownersAuditor, org),
                grants(caseId, ownersAuditor, org));
    }

    private List<ShareEntry> shares(long caseId, boolean all, long org) {
        List<?> rows = em.createNativeQuery(
                        "SELECT s.organisation_id, o.name, s.scope, s.purpose, s.granted_at, s.granted_by, "
                                + "s.expires_on, s.revoked_at FROM case_share s JOIN organisation o ON o.id = s.organisation_id "
                                + "WHERE s.case_id = ?1 AND (?2 OR s.organisation_id = ?3) ORDER BY s.id")
                .setParameter(1, caseId)
                .setParameter(2, all)
                .setParameter(3, org)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new ShareEntry(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        instant(r[4]),
                        (String) r[5],
                        date(r[6]),
                        instant(r[7])))
                .toList();
    }

    private List<GrantEntry> grants(long caseId, boolean all, long org) {
        List<?> rows = em.createNativeQuery("SELECT g.user_id, u.organisation_id, g.reason, g.granted_at, g.expires_at "
                        + "FROM break_glass g JOIN user_account u ON u.id = g.user_id WHERE g.case_id = ?1 AND (?2 OR u.organisation_id = ?3) "
                        + "ORDER BY g.id")
                .setParameter(1, caseId)
                .setParameter(2, all)
                .setParameter(3, org)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new GrantEntry(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        instant(r[3]),
                        instant(r[4])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return value == null ? null : ((Date) value).toLocalDate();
    }
}
