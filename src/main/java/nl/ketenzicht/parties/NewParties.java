package nl.ketenzicht.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * New parties and aangifte steps, checked by the API's rules (constraints, reference lists, the clock,
 * the case's victims, the aangifte history's order) but not yet stored: {@link PartyService} stores
 * them one at a time, the bulk import in batches. One place for the rules, whichever way a party comes in.
 */
@ApplicationScoped
public class NewParties {

    @Inject
    PartyChecks checks;

    public Victim victim(long caseId, PartyRequests.VictimRequest r, Instant at) {
        return new Victim(caseId, checks.victim(r), at);
    }

    public Suspect suspect(long caseId, PartyRequests.SuspectRequest r, Collection<Long> victimsOfCase, Instant at) {
        Set<Long> victims = checks.suspect(r, victimsOfCase);
        return new Suspect(caseId, r.gender(), r.birthYear(), r.role(), victims, at);
    }

    public Client client(long caseId, PartyRequests.ClientRequest r, Collection<Long> victimsOfCase, Instant at) {
        Set<Long> victims = checks.client(r, victimsOfCase);
        return new Client(caseId, r.gender(), r.birthYear(), r.contactCount(), r.ageVerificationAtIssue(), victims, at);
    }

    /** The victim's next aangifte step, recorded on the victim (its history's rules apply). */
    public AangifteEvent aangifte(Victim victim, PartyRequests.AangifteEventRequest r) {
        return victim.record(checks.aangifteEvent(r));
    }

    /** Whom an access to the party concerns: a victim itself, an offender's linked victims. */
    public static List<Long> subjectsOf(Party p) {
        return p instanceof Offender o ? List.copyOf(o.linkedVictimIds()) : List.of(p.id());
    }
}
