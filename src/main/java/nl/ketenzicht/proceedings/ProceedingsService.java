package nl.ketenzicht.proceedings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.parties.PartyService.PartyRef;
import nl.ketenzicht.proceedings.ProceedingsRequests.ChainEventRequest;
import nl.ketenzicht.proceedings.ProceedingsRequests.ChainEventView;
import nl.ketenzicht.proceedings.ProceedingsRequests.ChargeView;
import nl.ketenzicht.proceedings.ProceedingsRequests.ProceedingsView;
import nl.ketenzicht.proceedings.ProceedingsRequests.SentenceRequest;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The chain of a suspect or client. Adding a step locks the party (its version is bumped), so two
 * concurrent steps cannot both pass the rules; the rules themselves live in {@link Proceedings}.
 */
@RequestScoped
@Transactional
public class ProceedingsService {

    @Inject
    ProceedingsRepository repository;

    @Inject
    PartyService parties;

    @Inject
    ReferenceData reference;

    @Inject
    AccessLog log;

    @Inject
    Event<ChainChanged> changed;

    @Inject
    Clock clock;

    @Inject
    nl.ketenzicht.identity.CurrentCaller caller;

    @Inject
    NewSteps newSteps;

    public ProceedingsView add(long partyId, ChainEventRequest r) {
        PartyRef party = parties.requireForProceedings(partyId);
        Proceedings chain = new Proceedings(party.id(), repository.events(party.id()));
        NewSteps.Recorded recorded =
                newSteps.record(chain, party.id(), r, caller.require().organisationId(), clock.instant());
        ChainEvent event = recorded.event();
        repository.persist(event);
        recorded.charges().forEach(repository::persist);
        repository.flush();
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "chain-event", event.id(), party.subjects())
                .inCase(party.caseId()));
        changed.fire(new ChainChanged(party.id(), party.caseId()));
        return view(party.id());
    }

    public ProceedingsView get(long partyId) {
        PartyRef party = parties.require(partyId, null, false);
        log.record(AccessEvent.of(AccessEvent.Action.READ, "chain-event", party.id(), party.subjects())
                .inCase(party.caseId()));
        return view(party.id());
    }

    public ProceedingsView withdraw(long eventId) {
        ChainEvent event =
                repository.event(eventId).orElseThrow(() -> ProblemException.notFound("Chain event " + eventId));
        PartyRef party = partyOf(event);
        requireRecordedByCallerOrOwner(event, party);
        new Proceedings(party.id(), repository.events(party.id())).withdraw(event);
        repository.remove(event);
        repository.flush();
        log.record(AccessEvent.of(AccessEvent.Action.DELETE, "chain-event", eventId, party.subjects())
                .inCase(party.caseId()));
        changed.fire(new ChainChanged(party.id(), party.caseId()));
        return view(party.id());
    }

    /** A grantee withdraws only the steps its own organisation recorded; the owner any step. */
    private void requireRecordedByCallerOrOwner(ChainEvent event, PartyRef party) {
        long org = caller.require().organisationId();
        if (party.caseOwnerOrganisationId() != org && !Long.valueOf(org).equals(event.recordedByOrganisationId())) {
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_OTHERS_CHAIN_STEP,
                    "Only the organisation that recorded this step, or the case's owner, may withdraw it.");
        }
    }

    /** Out of scope looks exactly like absent: the answer must not reveal the party's id. */
    private PartyRef partyOf(ChainEvent event) {
        try {
            return parties.requireForProceedings(event.partyId());
        } catch (ProblemException e) {
            throw e.status() == 404 ? ProblemException.notFound("Chain event " + event.id()) : e;
        }
    }

    /** The chains of several parties at once, for the case overview; the caller checked scope and logs. */
    public List<ProceedingsView> ofParties(List<Long> partyIds) {
        return partyIds.stream().map(this::view).toList();
    }

    private ProceedingsView view(long partyId) {
        List<ChainEventView> events = repository.events(partyId).stream()
                .map(ProceedingsService::view)
                .toList();
        List<ChargeView> charges = repository.charges(partyId).stream()
                .map(c -> new ChargeView(c.id(), c.article(), c.lawVersion(), c.offenceDate()))
                .toList();
        return new ProceedingsView(partyId, parties.versionOf(partyId), events, charges);
    }

    static ChainEventView view(ChainEvent e) {
        Sentence s = e.sentence();
        SentenceRequest sentence = s == null || e.stage() != Stage.SENTENCE
                ? null
                : new SentenceRequest(
                        s.custodyUnconditionalDays(),
                        s.custodyConditionalDays(),
                        s.communityServiceHours(),
                        s.fineEuros(),
                        s.measure());
        return new ChainEventView(e.id(), e.stage(), e.occurredOn(), e.decision(), e.verdict(), sentence);
    }
}
