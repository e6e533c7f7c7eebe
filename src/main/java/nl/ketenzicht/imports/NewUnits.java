package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.NewCases;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.NewParties;
import nl.ketenzicht.parties.Offender;
import nl.ketenzicht.parties.Party;
import nl.ketenzicht.parties.PartyRequests;
import nl.ketenzicht.parties.Victim;
import nl.ketenzicht.proceedings.NewSteps;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.ProceedingsRequests;

/**
 * The bulk way in for a unit that only creates: a new case (its reference not imported before) with
 * its parties and steps. Every row is checked by the same code the API's services run
 * ({@link NewCases}, {@link NewParties}, {@link NewSteps}), and the records are built in memory, ready
 * for {@link UnitWriter}. Anything else (a row with a problem, an update, a reference that does not
 * resolve inside the unit) gives null: the unit then goes through the services row by row, which
 * name each problem exactly as they always have.
 *
 * <p>Links between the unit's own records use provisional ids (1, 2, ... in row order) until the
 * writer has the real ones; the checks only compare ids with each other.
 */
@ApplicationScoped
class NewUnits {

    @Inject
    NewCases cases;

    @Inject
    NewParties parties;

    @Inject
    NewSteps steps;

    /** One record of the unit, with the row it came from. */
    record Made(RowRequests.Parsed parsed, Object record) {}

    /** A drafted unit: the case, then its records in the services' order. */
    record Unit(List<RowRequests.Parsed> rows, Case kase, List<Made> records) {

        int size() {
            return rows.size();
        }

        String caseRef() {
            return rows.get(0).row().caseRef();
        }
    }

    /** A party of the unit by its provisional id, with the steps recorded on it. */
    record NewParty(long provisionalId, Party party, List<Object> recorded) {}

    /** The aangifte step of a victim of the unit. */
    record NewAangifte(NewParty victim, AangifteEvent event) {}

    /** The chain step (with its charges) of a suspect or client of the unit. */
    record NewStep(NewParty offender, NewSteps.Recorded recorded) {}

    /** The unit drafted for the bulk writer, or null when it must take the services' way. */
    Unit draft(List<RowRequests.Parsed> rows, long organisationId, String actor, Instant now) {
        if (rows.isEmpty()
                || rows.get(0).row().kind() != RecordKind.CASE
                || rows.get(0).caseId() != null) {
            return null;
        }
        Set<String> references = new HashSet<>();
        for (RowRequests.Parsed p : rows) {
            if (!p.valid()
                    || !p.row().usable()
                    || !references.add(
                            p.row().kind().referenceType() + "\u0001" + p.row().reference())) {
                return null;
            }
        }
        try {
            return build(rows, organisationId, actor, now);
        } catch (RuntimeException refusedOrOdd) {
            // The services' way names the problem (or fails) exactly as for any row.
            return null;
        }
    }

    private Unit build(List<RowRequests.Parsed> rows, long organisationId, String actor, Instant now) {
        Case kase = null;
        List<Made> made = new ArrayList<>();
        Map<String, NewParty> byReference = new HashMap<>();
        Map<String, Long> victims = new HashMap<>();
        Map<NewParty, Proceedings> chains = new IdentityHashMap<>();
        for (RowRequests.Parsed p : rows) {
            ImportRow row = p.row();
            Object record;
            switch (row.kind()) {
                case CASE -> {
                    if (kase != null) {
                        return null;
                    }
                    kase = cases.draft((CaseRequest) p.request(), organisationId, now, actor);
                    record = kase;
                }
                case VICTIM -> {
                    Victim v = parties.victim(0, (PartyRequests.VictimRequest) p.request(), now);
                    NewParty np = new NewParty(byReference.size() + 1L, v, new ArrayList<>());
                    byReference.put(row.reference(), np);
                    victims.put(row.reference(), np.provisionalId());
                    record = np;
                }
                case SUSPECT, CLIENT -> {
                    Set<Long> linked = new LinkedHashSet<>();
                    for (String ref : p.linkedVictims()) {
                        Long id = victims.get(ref);
                        if (id == null) {
                            return null;
                        }
                        linked.add(id);
                    }
                    Party o = row.kind() == RecordKind.SUSPECT
                            ? suspect(p, linked, victims, now)
                            : client(p, linked, victims, now);
                    NewParty np = new NewParty(byReference.size() + 1L, o, new ArrayList<>());
                    byReference.put(row.reference(), np);
                    record = np;
                }
                case AANGIFTE -> {
                    NewParty np = byReference.get(p.party());
                    if (np == null || !(np.party() instanceof Victim v)) {
                        return null;
                    }
                    AangifteEvent e = parties.aangifte(v, (PartyRequests.AangifteEventRequest) p.request());
                    np.recorded().add(e);
                    record = new NewAangifte(np, e);
                }
                case CHAIN_EVENT -> {
                    NewParty np = byReference.get(p.party());
                    if (np == null || !(np.party() instanceof Offender)) {
                        return null;
                    }
                    Proceedings chain = chains.computeIfAbsent(np, x -> new Proceedings(0, List.of()));
                    NewSteps.Recorded r = steps.record(
                            chain, 0, (ProceedingsRequests.ChainEventRequest) p.request(), organisationId, now);
                    np.recorded().add(r);
                    record = new NewStep(np, r);
                }
                default -> {
                    return null;
                }
            }
            made.add(new Made(p, record));
        }
        return kase == null ? null : new Unit(rows, kase, made);
    }

    private Party suspect(RowRequests.Parsed p, Set<Long> linked, Map<String, Long> victims, Instant now) {
        var q = (PartyRequests.SuspectRequest) p.request();
        var r = new PartyRequests.SuspectRequest(q.gender(), q.birthYear(), q.role(), linked, q.partnerReference());
        return parties.suspect(0, r, victims.values(), now);
    }

    private Party client(RowRequests.Parsed p, Set<Long> linked, Map<String, Long> victims, Instant now) {
        var q = (PartyRequests.ClientRequest) p.request();
        var r = new PartyRequests.ClientRequest(
                q.gender(), q.birthYear(), q.contactCount(), q.ageVerificationAtIssue(), linked, q.partnerReference());
        return parties.client(0, r, victims.values(), now);
    }
}
