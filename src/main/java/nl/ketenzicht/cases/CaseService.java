package nl.ketenzicht.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.CaseRequests.CaseView;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.security.AccessScope;
import nl.ketenzicht.security.BreakGlass;
import nl.ketenzicht.security.Scopes;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Cases: creation, reading, revision, closing and listing, always within the caller's scope and
 * always with an access-log row in the same transaction. Other features reach a case through
 * {@link #requireReadable} and {@link #requireWritable}.
 */
@RequestScoped
@Transactional
public class CaseService {

    static final int MAX_SHARE_YEARS = 2;

    @Inject
    CaseRepository cases;

    @Inject
    Scopes scopes;

    @Inject
    CurrentCaller caller;

    @Inject
    CaseDetailsFactory details;

    @Inject
    NewCases newCases;

    @Inject
    AccessLog log;

    @Inject
    BreakGlass breakGlass;

    @Inject
    Idempotency idempotency;

    @Inject
    ReferenceData reference;

    @Inject
    nl.ketenzicht.security.Users users;

    @Inject
    Clock clock;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    jakarta.enterprise.event.Event<CaseChanged> changed;

    public Idempotency.Created<CaseView> create(CaseRequest request, Idempotency.Token token, URI base) {
        AccessScope scope = scopes.forWriting();
        Case c = newCases.draft(
                request,
                scope.organisationId(),
                clock.instant(),
                caller.require().actor());
        cases.persist(c);
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "case", c.id(), List.of())
                .inCase(c.id()));
        changed.fire(new CaseChanged(c.id(), true));
        var created = new Idempotency.Created<>(view(c), base.resolve("api/cases/" + c.id()), c.version());
        idempotency.remember(token, created);
        return created;
    }

    public CaseView get(long id) {
        return view(readable(id, AccessEvent.Action.READ));
    }

    public CaseView update(long id, long expectedVersion, CaseRequest request) {
        Case c = writable(id);
        Versions.check(c.version(), expectedVersion);
        c.revise(details.from(request));
        return flushAndLog(c, AccessEvent.Action.UPDATE);
    }

    public CaseView close(long id, long expectedVersion, CaseRequests.CloseRequest request) {
        Case c = writable(id);
        Versions.check(c.version(), expectedVersion);
        new nl.ketenzicht.shared.Checks(clock)
                .valid(validator, request)
                .past("closedOn", request.closedOn())
                .code("reason", request.reason(), code -> reference.codeExists("CLOSING_REASON", code))
                .throwIfAny();
        c.close(request.closedOn(), request.reason());
        return flushAndLog(c, AccessEvent.Action.UPDATE);
    }

    public CaseView reopen(long id, long expectedVersion) {
        Case c = writable(id);
        Versions.check(c.version(), expectedVersion);
        c.reopen();
        return flushAndLog(c, AccessEvent.Action.UPDATE);
    }

    public Page<CaseView> list(CaseFilter filter) {
        CaseRepository.Result result = cases.list(filter, scopes.forReading(), municipalitiesMatching(filter.q()));
        List<Long> ids = result.cases().stream().map(Case::id).toList();
        log.record(new AccessEvent(
                        AccessEvent.Action.SEARCH, "case", ids, List.of(), AccessEvent.Outcome.SUCCESS, null, false)
                .inCases(ids));
        return new Page<>(
                result.cases().stream().map(this::view).toList(), result.total(), filter.offset(), filter.limit());
    }

    public List<CaseRequests.ShareView> shares(long caseId) {
        Case c = readable(caseId, AccessEvent.Action.READ);
        return sharesOf(c.id());
    }

    public CaseRequests.ShareView share(long caseId, CaseRequests.ShareRequest request) {
        Case c = owned(caseId);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (!request.expiresOn().isAfter(today) || request.expiresOn().isAfter(today.plusYears(MAX_SHARE_YEARS))) {
            throw ProblemException.invalid(
                    "expiresOn",
                    MessageCode.SHARE_EXPIRY,
                    java.util.Map.of("years", MAX_SHARE_YEARS),
                    "The last day of the share lies after today and at most " + MAX_SHARE_YEARS + " years ahead.");
        }
        if (users.organisation(request.organisationId()).isEmpty()
                || request.organisationId() == c.ownerOrganisationId()) {
            throw ProblemException.invalid(
                    "organisationId", MessageCode.SHARE_PARTNER, "Choose another existing partner organisation.");
        }
        CaseShare share = new CaseShare(
                c.id(),
                request.organisationId(),
                request.purpose().strip(),
                request.scope(),
                request.expiresOn(),
                clock.instant(),
                caller.require().actor());
        cases.persist(share);
        log.record(new AccessEvent(
                        AccessEvent.Action.CREATE,
                        "case-share",
                        List.of(c.id(), share.id()),
                        List.of(),
                        AccessEvent.Outcome.SUCCESS,
                        request.purpose().strip(),
                        false)
                .inCase(c.id()));
        return view(share);
    }

    public CaseRequests.ShareView revokeShare(long caseId, long shareId) {
        Case c = owned(caseId);
        CaseShare share = cases.share(c.id(), shareId).orElseThrow(() -> ProblemException.notFound("Share " + shareId));
        share.revoke(clock.instant());
        log.record(AccessEvent.of(AccessEvent.Action.DELETE, "case-share", share.id(), List.of())
                .inCase(c.id()));
        return view(share);
    }

    /** Only the owning organisation decides with whom a case is shared. */
    private Case owned(long caseId) {
        Case c = writable(caseId);
        if (c.ownerOrganisationId() != caller.require().organisationId()) {
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_SHARE_NOT_OWNER, "Only the organisation that owns the case can share it.");
        }
        return c;
    }

    private CaseRequests.ShareView view(CaseShare s) {
        boolean active = s.revokedAt() == null && !s.expiresOn().isBefore(java.time.LocalDate.now(clock));
        return new CaseRequests.ShareView(
                s.id(),
                s.caseId(),
                s.organisationId(),
                s.purpose(),
                s.scope(),
                s.expiresOn(),
                s.grantedAt(),
                s.revokedAt(),
                active);
    }

    /** The view of a case the caller has already been cleared to read (see {@link #requireReadable}). */
    public CaseView viewOf(long caseId) {
        return view(cases.find(caseId, scopes.forReading()).orElseThrow(() -> notFound(caseId)));
    }

    /**
     * The shares of a case the caller has already been cleared to read: all of them for the owner,
     * only those with its own organisation for anyone else (a grantee never learns who else sees the case).
     */
    public List<CaseRequests.ShareView> sharesOf(long caseId) {
        long org = caller.require().organisationId();
        boolean owner = cases.find(caseId, scopes.forWriting()).isPresent();
        return cases.shares(caseId).stream()
                .filter(s -> owner || s.organisationId() == org)
                .map(this::view)
                .toList();
    }

    private java.util.Set<String> municipalitiesMatching(String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            return java.util.Set.of();
        }
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        return reference.lists().municipalities().values().stream()
                .filter(m -> m.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .map(nl.ketenzicht.reference.ReferenceViews.Municipality::code)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** For other features: the case exists in the caller's reading scope (logged as part of their access). */
    public CaseRef requireReadable(long caseId) {
        return refOf(findReadable(caseId));
    }

    /** For other features: the case may be changed by the caller. */
    public CaseRef requireWritable(long caseId) {
        Case c = writable(caseId);
        return new CaseRef(c.id(), c.ownerOrganisationId(), c.openedOn(), false, null);
    }

    Case readable(long id, AccessEvent.Action action) {
        Case c = findReadable(id);
        CaseRef ref = refOf(c);
        AccessEvent event = AccessEvent.of(action, "case", id, List.of()).inCase(id);
        log.record(ref.viaBreakGlass() ? event.withBreakGlass(ref.breakGlassReason()) : event);
        return c;
    }

    private Case findReadable(long id) {
        return cases.find(id, scopes.forReading()).orElseThrow(() -> notFound(id));
    }

    private CaseRef refOf(Case c) {
        AccessScope scope = scopes.forReading();
        boolean glass = scope.viaBreakGlass(c.id()) && !cases.inRegularScope(c.id(), scopes.regular());
        return new CaseRef(
                c.id(),
                c.ownerOrganisationId(),
                c.openedOn(),
                glass,
                glass ? breakGlass.reasonFor(caller.require().userId(), c.id()) : null);
    }

    /** Only the owner changes a case and its records; a grantee or break-glass reader who can see it is refused, not told it is absent. */
    Case writable(long id) {
        return cases.find(id, scopes.forWriting()).orElseThrow(() -> refusedOrNotFound(id));
    }

    /** The owning organisation of a case the caller has already been cleared to reach. */
    public long ownerOf(long caseId) {
        return cases.ownerOf(caseId);
    }

    private ProblemException refusedOrNotFound(long id) {
        if (cases.find(id, scopes.forReading()).isPresent()) {
            return ProblemException.forbidden(
                    MessageCode.FORBIDDEN_SHARE_SCOPE,
                    "Only the organisation that owns this case may do this; your access does not allow it.");
        }
        return notFound(id);
    }

    private CaseView flushAndLog(Case c, AccessEvent.Action action) {
        cases.flush();
        log.record(AccessEvent.of(action, "case", c.id(), List.of()).inCase(c.id()));
        changed.fire(new CaseChanged(c.id(), false));
        return view(c);
    }

    private ProblemException notFound(long id) {
        log.recordApart(new AccessEvent(
                AccessEvent.Action.READ, "case", List.of(id), List.of(), AccessEvent.Outcome.NOT_FOUND, null, false));
        return ProblemException.notFound("Case " + id);
    }

    CaseView view(Case c) {
        Region r = c.region();
        String name =
                reference.municipality(r.municipalityCode()).map(m -> m.name()).orElse(null);
        return new CaseView(
                c.id(),
                c.version(),
                c.ownerOrganisationId(),
                r.municipalityCode(),
                name,
                r.policeUnit(),
                r.courtDistrict(),
                r.prosecutionOffice(),
                c.openedOn(),
                c.origin(),
                c.signallingOrganisationId(),
                c.exploitationForms(),
                c.investigationMethods(),
                c.teamType(),
                c.suspectCount(),
                c.network(),
                c.status(),
                c.closedOn(),
                c.closingReason(),
                c.createdAt());
    }

    /** What other features need to know of a case they work under. */
    public record CaseRef(
            long id,
            long ownerOrganisationId,
            java.time.LocalDate openedOn,
            boolean viaBreakGlass,
            String breakGlassReason) {}
}
