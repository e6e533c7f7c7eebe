package nl.ketenzicht.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.ketenzicht.parties.PartyRequests.AangifteEventView;
import nl.ketenzicht.parties.PartyRequests.PartyView;

/** Maps party entities to their view, with derived ages. */
@ApplicationScoped
class PartyViews {

    @Inject
    PartyRepository parties;

    @Inject
    nl.ketenzicht.cases.CaseLookup caseLookup;

    PartyView of(Party p) {
        return of(p, id -> true);
    }

    /** {@code shownVictims}: the victims the reader may see; an offender's links to others are left out. */
    PartyView of(Party p, java.util.function.LongPredicate shownVictims) {
        String reference = parties.reference(p.id()).orElse(null);
        if (p instanceof Victim v) {
            Integer atStart = v.ageOn(v.exploitationStartedOn()).stream()
                    .boxed()
                    .findFirst()
                    .orElse(null);
            Integer atOpening = v.ageOn(caseLookup.openedOn(v.caseId())).stream()
                    .boxed()
                    .findFirst()
                    .orElse(null);
            List<AangifteEventView> history = v.aangifteEvents().stream()
                    .map(e -> new AangifteEventView(
                            e.id(), e.type(), e.occurredOn(), e.reasons(), e.traumaStudio(), e.psychologistAdvised()))
                    .toList();
            return new PartyView(
                    v.id(),
                    v.caseId(),
                    v.kind(),
                    v.version(),
                    v.gender(),
                    v.birthYear(),
                    v.birthMonth(),
                    v.nationality(),
                    v.vulnerabilities(),
                    v.recruitmentChannel(),
                    v.exploitationStartedOn(),
                    atStart,
                    atOpening,
                    v.estimatedClientCount(),
                    v.consentToShare(),
                    v.aangifteStatus(),
                    history,
                    null,
                    null,
                    null,
                    null,
                    reference);
        }
        Offender o = (Offender) p;
        Client c = o instanceof Client client ? client : null;
        return new PartyView(
                o.id(),
                o.caseId(),
                o.kind(),
                o.version(),
                o.gender(),
                o.birthYear(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                o.roleCode(),
                o.linkedVictimIds().stream()
                        .filter(shownVictims::test)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                c == null ? null : c.contactCount(),
                c == null ? null : c.ageVerificationAtIssue(),
                reference);
    }
}
