package nl.ketenzicht.parties;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.parties.PartyRequests.PartyView;
import nl.ketenzicht.security.Scopes;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Victims, suspects and clients of a case, and the victims' aangifte history. A party is reached only
 * through a case in the caller's scope; every access is logged with the victims it concerns.
 */
@RequestScoped
@Transactional
public class PartyService {

    @Inject
    PartyRepository parties;

    @Inject
    CaseService cases;

    @Inject
    Scopes scopes;

    @Inject
    PartyChecks checks;

    @Inject
    NewParties newParties;

    @Inject
    PartyViews views;

    @Inject
    AccessLog log;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<PartyChanged> changed;

    public Idempotency.Created<PartyView> addVictim(
            long caseId, PartyRequests.VictimRequest r, Idempotency.Token token, URI base) {
        var ref = cases.requireWritable(caseId);
        Victim v = newParties.victim(ref.id(), r, clock.instant());
        return created(v, r.partnerReference(), token, base);
    }

    public Idempotency.Created<PartyView> addSuspect(
            long caseId, PartyRequests.SuspectRequest r, Idempotency.Token token, URI base) {
        var ref = cases.requireWritable(caseId);
        Suspect s = newParties.suspect(ref.id(), r, parties.victimIdsOfCase(ref.id()), clock.instant());
        return created(s, r.partnerReference(), token, base);
    }

    public Idempotency.Created<PartyView> addClient(
            long caseId, PartyRequests.ClientRequest r, Idempotency.Token token, URI base) {
        var ref = cases.requireWritable(caseId);
        Client c = newParties.client(ref.id(), r, parties.victimIdsOfCase(ref.id()), clock.instant());
        return created(c, r.partnerReference(), token, base);
    }

    public PartyView get(long partyId) {
        Party p = readable(partyId);
        var ref = cases.requireReadable(p.caseId());
        AccessEvent event = AccessEvent.of(AccessEvent.Action.READ, "party", p.id(), subjectsOf(p))
                .inCase(p.caseId());
        log.record(ref.viaBreakGlass() ? event.withBreakGlass(ref.breakGlassReason()) : event);
        return views.of(p, shownVictims(ref));
    }

    public PartyView updateVictim(long partyId, long version, PartyRequests.VictimRequest r) {
        Victim v = writable(partyId, Victim.class, version);
        v.revise(checks.victim(r));
        return saved(v, r.partnerReference());
    }

    public PartyView updateSuspect(long partyId, long version, PartyRequests.SuspectRequest r) {
        Suspect s = writable(partyId, Suspect.class, version);
        s.revise(r.gender(), r.birthYear(), r.role(), checks.suspect(r, parties.victimIdsOfCase(s.caseId())));
        return saved(s, r.partnerReference());
    }

    public PartyView updateClient(long partyId, long version, PartyRequests.ClientRequest r) {
        Client c = writable(partyId, Client.class, version);
        c.revise(
                r.gender(),
                r.birthYear(),
                r.contactCount(),
                r.ageVerificationAtIssue(),
                checks.client(r, parties.victimIdsOfCase(c.caseId())));
        return saved(c, r.partnerReference());
    }

    public PartyView addAangifteEvent(long victimId, PartyRequests.AangifteEventRequest r) {
        Victim v = writable(victimId, Victim.class, null);
        parties.lockForChange(v);
        newParties.aangifte(v, r);
        return saved(v, null);
    }

    /**
     * The parties of a case the caller may read, without the victims withheld from a grantee (see
     * {@link #shownVictims}); the caller logs the access.
     */
    public List<PartyView> ofCase(CaseService.CaseRef ref) {
        LongPredicate shown = shownVictims(ref);
        return parties.ofCase(ref.id()).stream()
                .filter(p -> !(p instanceof Victim) || shown.test(p.id()))
                .map(p -> views.of(p, shown))
                .toList();
    }

    /**
     * A victim who has not consented to sharing ({@code consentToShare} not true) is left out of what
     * an organisation sees through a share: the owner and a break-glass reader see every victim.
     */
    private LongPredicate shownVictims(CaseService.CaseRef ref) {
        if (ref.viaBreakGlass()
                || ref.ownerOrganisationId() == scopes.forReading().organisationId()) {
            return id -> true;
        }
        Set<Long> consenting = Set.copyOf(parties.consentingVictimIdsOfCase(ref.id()));
        return consenting::contains;
    }

    public List<Long> victimIdsOfCase(long caseId) {
        return parties.victimIdsOfCase(caseId);
    }

    /** For proceedings and care: the party, checked for kind and scope, locked when it is to change. */
    public PartyRef require(long partyId, PartyKind expected, boolean forChange) {
        return require(forChange ? writable(partyId, Party.class, null) : readable(partyId), expected, forChange);
    }

    /** For a new chain step: a suspect or client of an own case, or of one shared to add proceedings. */
    public PartyRef requireForProceedings(long partyId) {
        Party p = parties.find(partyId, scopes.forAddingProceedings()).orElseThrow(() -> refusedOrNotFound(partyId));
        return require(p, null, true);
    }

    private PartyRef require(Party p, PartyKind expected, boolean forChange) {
        boolean kindOk = expected == null ? p instanceof Offender : p.kind() == expected;
        if (!kindOk) {
            throw ProblemException.invalid(
                    "partyId",
                    MessageCode.PARTY_KIND_MISMATCH,
                    java.util.Map.of("kind", p.kind()),
                    "This record is a " + p.kind() + ", which this step does not apply to.");
        }
        if (forChange) {
            parties.lockForChange(p);
        }
        return new PartyRef(p.id(), p.caseId(), p.kind(), subjectsOf(p), cases.ownerOf(p.caseId()));
    }

    public long versionOf(long partyId) {
        return parties.version(partyId);
    }

    /** A victim withheld from the caller (see {@link #shownVictims}) looks exactly like an absent one. */
    private Party readable(long partyId) {
        Party p = parties.find(partyId, scopes.forReading()).orElseThrow(() -> notFound(partyId));
        if (p instanceof Victim
                && !shownVictims(cases.requireReadable(p.caseId())).test(p.id())) {
            throw notFound(partyId);
        }
        return p;
    }

    private <P extends Party> P writable(long partyId, Class<P> type, Long expectedVersion) {
        Party p = parties.find(partyId, scopes.forWriting()).orElseThrow(() -> refusedOrNotFound(partyId));
        if (!type.isInstance(p)) {
            throw ProblemException.notFound("A " + type.getSimpleName().toLowerCase() + " with id " + partyId);
        }
        if (expectedVersion != null) {
            Versions.check(p.version(), expectedVersion);
        }
        return type.cast(p);
    }

    private Idempotency.Created<PartyView> created(Party p, String reference, Idempotency.Token token, URI base) {
        parties.persist(p);
        parties.saveReference(p.id(), reference);
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "party", p.id(), subjectsOf(p))
                .inCase(p.caseId()));
        changed.fire(new PartyChanged(p.id(), p.caseId()));
        var created = new Idempotency.Created<>(views.of(p), base.resolve("api/parties/" + p.id()), p.version());
        idempotency.remember(token, created);
        return created;
    }

    private PartyView saved(Party p, String reference) {
        if (reference != null) {
            parties.saveReference(p.id(), reference);
        }
        parties.flush();
        log.record(AccessEvent.of(AccessEvent.Action.UPDATE, "party", p.id(), subjectsOf(p))
                .inCase(p.caseId()));
        changed.fire(new PartyChanged(p.id(), p.caseId()));
        return views.of(p);
    }

    static List<Long> subjectsOf(Party p) {
        return NewParties.subjectsOf(p);
    }

    /** Someone who may read the party but not change it is refused; anyone else is told it does not exist. */
    private ProblemException refusedOrNotFound(long id) {
        Party p = parties.find(id, scopes.forReading()).orElse(null);
        if (p != null
                && (!(p instanceof Victim)
                        || shownVictims(cases.requireReadable(p.caseId())).test(p.id()))) {
            return ProblemException.forbidden(
                    MessageCode.FORBIDDEN_SHARE_SCOPE,
                    "Only the organisation that owns this case may do this; your access does not allow it.");
        }
        return notFound(id);
    }

    private ProblemException notFound(long id) {
        log.recordApart(new AccessEvent(
                AccessEvent.Action.READ, "party", List.of(id), List.of(), AccessEvent.Outcome.NOT_FOUND, null, false));
        return ProblemException.notFound("Party " + id);
    }

    /** What proceedings and care need to know of a party. */
    public record PartyRef(long id, long caseId, PartyKind kind, List<Long> subjects, long caseOwnerOrganisationId) {}
}
