package nl.ketenzicht.care;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.care.CareRequests.ReferralRequest;
import nl.ketenzicht.care.CareRequests.ReferralView;
import nl.ketenzicht.care.CareRequests.RunawayRequest;
import nl.ketenzicht.care.CareRequests.RunawayView;
import nl.ketenzicht.parties.PartyKind;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.problem.ProblemException;

/** Runaway episodes and care referrals of a victim, reached through the victim's case scope. */
@RequestScoped
@Transactional
public class CareService {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    PartyService parties;

    @Inject
    ReferenceData reference;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    jakarta.enterprise.event.Event<CareChanged> changed;

    public RunawayView addRunaway(long victimId, RunawayRequest r) {
        var victim = parties.require(victimId, PartyKind.VICTIM, true);
        RunawayEpisode e = new RunawayEpisode(victim.id(), runaway(r));
        em.persist(e);
        em.flush();
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "runaway", e.id(), victim.subjects())
                .inCase(victim.caseId()));
        changed.fire(new CareChanged(victim.id(), victim.caseId()));
        return RunawayView.of(e);
    }

    public RunawayView updateRunaway(long id, long version, RunawayRequest r) {
        RunawayEpisode e = find(RunawayEpisode.class, id);
        var victim = victimOf(e.victimId(), "RunawayEpisode " + id);
        Versions.check(e.version(), version);
        e.revise(runaway(r));
        em.flush();
        log.record(AccessEvent.of(AccessEvent.Action.UPDATE, "runaway", e.id(), victim.subjects())
                .inCase(victim.caseId()));
        changed.fire(new CareChanged(victim.id(), victim.caseId()));
        return RunawayView.of(e);
    }

    public ReferralView addReferral(long victimId, ReferralRequest r) {
        var victim = parties.require(victimId, PartyKind.VICTIM, true);
        CareReferral c = new CareReferral(victim.id(), referral(r));
        em.persist(c);
        em.flush();
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "care-referral", c.id(), victim.subjects())
                .inCase(victim.caseId()));
        changed.fire(new CareChanged(victim.id(), victim.caseId()));
        return ReferralView.of(c);
    }

    public ReferralView updateReferral(long id, long version, ReferralRequest r) {
        CareReferral c = find(CareReferral.class, id);
        var victim = victimOf(c.victimId(), "CareReferral " + id);
        Versions.check(c.version(), version);
        c.revise(referral(r));
        em.flush();
        log.record(AccessEvent.of(AccessEvent.Action.UPDATE, "care-referral", c.id(), victim.subjects())
                .inCase(victim.caseId()));
        changed.fire(new CareChanged(victim.id(), victim.caseId()));
        return ReferralView.of(c);
    }

    public Care ofVictim(long victimId) {
        var victim = parties.require(victimId, PartyKind.VICTIM, false);
        log.record(AccessEvent.of(AccessEvent.Action.READ, "care", victim.id(), victim.subjects())
                .inCase(victim.caseId()));
        return ofVictims(List.of(victim.id()));
    }

    /** For the case overview; the caller checked the scope and logs the access. */
    public Care ofVictims(List<Long> victimIds) {
        if (victimIds.isEmpty()) {
            return new Care(List.of(), List.of());
        }
        return new Care(
                em
                        .createQuery(
                                "SELECT e FROM RunawayEpisode e WHERE e.victimId IN :v ORDER BY e.missingSince, e.id",
                                RunawayEpisode.class)
                        .setParameter("v", victimIds)
                        .getResultList()
                        .stream()
                        .map(RunawayView::of)
                        .toList(),
                em
                        .createQuery(
                                "SELECT r FROM CareReferral r WHERE r.victimId IN :v ORDER BY r.referredOn, r.id",
                                CareReferral.class)
                        .setParameter("v", victimIds)
                        .getResultList()
                        .stream()
                        .map(ReferralView::of)
                        .toList());
    }

    /** Out of scope looks exactly like absent: the answer must not reveal the victim's id. */
    private PartyService.PartyRef victimOf(long victimId, String what) {
        try {
            return parties.require(victimId, PartyKind.VICTIM, true);
        } catch (ProblemException e) {
            throw e.status() == 404 ? ProblemException.notFound(what) : e;
        }
    }

    private <T> T find(Class<T> type, long id) {
        T entity = em.find(type, id);
        if (entity == null) {
            throw ProblemException.notFound(type.getSimpleName() + " " + id);
        }
        return entity;
    }

    private RunawayEpisode.Details runaway(RunawayRequest r) {
        new Checks(clock)
                .valid(validator, r)
                .code("institutionType", r.institutionType(), c -> reference.codeExists("INSTITUTION_TYPE", c))
                .past("missingSince", r.missingSince())
                .past("reportedOn", r.reportedOn())
                .past("foundOn", r.foundOn())
                .throwIfAny();
        return new RunawayEpisode.Details(
                r.institutionType(), r.missingSince(), r.reportedOn(), r.foundOn(), r.victimisedDuring());
    }

    private CareReferral.Details referral(ReferralRequest r) {
        new Checks(clock)
                .valid(validator, r)
                .code("careType", r.careType(), c -> reference.codeExists("CARE_TYPE", c))
                .past("referredOn", r.referredOn())
                .past("startedOn", r.startedOn())
                .past("endedOn", r.endedOn())
                .throwIfAny();
        return new CareReferral.Details(r.careType(), r.referredOn(), r.startedOn(), r.endedOn());
    }

    public record Care(List<RunawayView> runaways, List<ReferralView> referrals) {}
}
