package nl.ketenzicht.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ketenzicht.care.CareReferral;
import nl.ketenzicht.care.CareRequests;
import nl.ketenzicht.care.CareService;
import nl.ketenzicht.care.RunawayEpisode;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.context.ContextService;
import nl.ketenzicht.linkage.RegistrationRequests;
import nl.ketenzicht.linkage.RegistrationService;
import nl.ketenzicht.parties.PartyRequests;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.proceedings.ProceedingsRequests;
import nl.ketenzicht.proceedings.ProceedingsService;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Applies one row through the service the API's resource calls for the same change, so that the
 * row meets exactly the API's checks, reference data, scope, access log and aggregate maintenance.
 * What the import adds is only the mapping of the partner's references: a known reference whose
 * values did not change is left alone, a changed one is revised, an unknown one is created.
 */
@RequestScoped
class RowApplier {

    /** The services want a base for the Location of what they create; an import has no response to put it in. */
    private static final URI BASE = URI.create("https://import.invalid/");

    @Inject
    CaseService cases;

    @Inject
    PartyService parties;

    @Inject
    ProceedingsService proceedings;

    @Inject
    CareService care;

    @Inject
    ContextService context;

    @Inject
    RegistrationService registrations;

    @Inject
    ImportReferences references;

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** What the rows of one case share while they are applied. */
    static final class UnitState {
        final long organisationId;
        final long jobId;
        Long caseId;

        UnitState(long organisationId, long jobId) {
            this.organisationId = organisationId;
            this.jobId = jobId;
        }
    }

    /** A row refused by the import itself (a reference that names nothing); the services refuse with ProblemException. */
    static final class Refused extends RuntimeException {
        final transient List<RowProblem> problems;

        Refused(RowProblem problem) {
            super(problem.message(), null, false, false);
            this.problems = List.of(problem);
        }
    }

    Outcome apply(RowRequests.Parsed p, UnitState s) {
        ImportRow row = p.row();
        RecordKind kind = row.kind();
        if (kind == RecordKind.CASE) {
            return applyCase(p, s);
        }
        if (kind == RecordKind.CAPACITY) {
            var r = (RowRequests.CapacityRow) p.request();
            return outcome(context.importCapacity(r.unit(), r.year(), r.request()));
        }
        if (kind == RecordKind.PRIORITY) {
            var r = (RowRequests.PriorityRow) p.request();
            return outcome(context.importPriority(r.municipality(), r.year(), r.request()));
        }
        if (kind == RecordKind.REGISTRATION) {
            return applyRegistration(p, s);
        }
        long caseId = s.caseId != null ? s.caseId : importedCase(row, s);
        s.caseId = caseId;
        Optional<ImportReferences.Known> known =
                references.find(s.organisationId, kind.referenceType(), row.caseRef(), row.reference());
        if (known.isPresent() && known.get().hash().equals(p.hash())) {
            return Outcome.UNCHANGED;
        }
        long id;
        Outcome outcome = known.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
        switch (kind) {
            case VICTIM -> {
                var r = (PartyRequests.VictimRequest) p.request();
                id = known.isPresent()
                        ? parties.updateVictim(
                                        known.get().recordId(),
                                        parties.versionOf(known.get().recordId()),
                                        r)
                                .id()
                        : parties.addVictim(caseId, r, null, BASE).view().id();
            }
            case SUSPECT -> {
                var q = (PartyRequests.SuspectRequest) p.request();
                var r = new PartyRequests.SuspectRequest(
                        q.gender(), q.birthYear(), q.role(), victims(p, s), q.partnerReference());
                id = known.isPresent()
                        ? parties.updateSuspect(
                                        known.get().recordId(),
                                        parties.versionOf(known.get().recordId()),
                                        r)
                                .id()
                        : parties.addSuspect(caseId, r, null, BASE).view().id();
            }
            case CLIENT -> {
                var q = (PartyRequests.ClientRequest) p.request();
                var r = new PartyRequests.ClientRequest(
                        q.gender(),
                        q.birthYear(),
                        q.contactCount(),
                        q.ageVerificationAtIssue(),
                        victims(p, s),
                        q.partnerReference());
                id = known.isPresent()
                        ? parties.updateClient(
                                        known.get().recordId(),
                                        parties.versionOf(known.get().recordId()),
                                        r)
                                .id()
                        : parties.addClient(caseId, r, null, BASE).view().id();
            }
            case AANGIFTE -> {
                stepUnchangeable(row, known);
                long victim = party(row, p.party(), s);
                id =
                        parties
                                .addAangifteEvent(victim, (PartyRequests.AangifteEventRequest) p.request())
                                .aangifteHistory()
                                .stream()
                                .map(PartyRequests.AangifteEventView::id)
                                .max(Comparator.naturalOrder())
                                .orElseThrow();
            }
            case CHAIN_EVENT -> {
                stepUnchangeable(row, known);
                long party = party(row, p.party(), s);
                id = proceedings.add(party, (ProceedingsRequests.ChainEventRequest) p.request()).events().stream()
                        .map(ProceedingsRequests.ChainEventView::id)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
            }
            case RUNAWAY -> {
                var r = (CareRequests.RunawayRequest) p.request();
                id = known.isPresent()
                        ? care.updateRunaway(
                                        known.get().recordId(),
                                        version(
                                                RunawayEpisode.class,
                                                known.get().recordId()),
                                        r)
                                .id()
                        : care.addRunaway(party(row, p.party(), s), r).id();
            }
            case REFERRAL -> {
                var r = (CareRequests.ReferralRequest) p.request();
                id = known.isPresent()
                        ? care.updateReferral(
                                        known.get().recordId(),
                                        version(CareReferral.class, known.get().recordId()),
                                        r)
                                .id()
                        : care.addReferral(party(row, p.party(), s), r).id();
            }
            default -> throw new IllegalStateException(kind.name());
        }
        references.save(
                s.organisationId, kind.referenceType(), row.caseRef(), row.reference(), id, caseId, p.hash(), s.jobId);
        return outcome;
    }

    private Outcome applyCase(RowRequests.Parsed p, UnitState s) {
        ImportRow row = p.row();
        CaseRequest r = (CaseRequest) p.request();
        Optional<ImportReferences.Known> known =
                references.find(s.organisationId, "CASE", row.caseRef(), row.caseRef());
        if (known.isPresent() && p.caseId() != null && known.get().recordId() != p.caseId()) {
            throw refused(
                    row,
                    ImportColumn.CASE_ID,
                    MessageCode.IMPORT_CASE_ID_OTHER,
                    Map.of("id", known.get().recordId()),
                    "This reference names case " + known.get().recordId() + " already.");
        }
        if (known.isPresent() && known.get().hash().equals(p.hash())) {
            s.caseId = known.get().recordId();
            return Outcome.UNCHANGED;
        }
        Long existing = known.map(ImportReferences.Known::recordId).orElse(p.caseId());
        long id;
        if (existing != null) {
            Case c = em.find(Case.class, existing);
            id = cases.update(existing, c == null ? 0 : c.version(), r).id();
        } else {
            id = cases.create(r, null, BASE).view().id();
        }
        s.caseId = id;
        references.save(s.organisationId, "CASE", row.caseRef(), row.caseRef(), id, id, p.hash(), s.jobId);
        return existing != null ? Outcome.UPDATED : Outcome.CREATED;
    }

    private static Outcome outcome(ContextService.Imported imported) {
        return Outcome.valueOf(imported.name());
    }

    /**
     * A registration cannot be changed through the API, only withdrawn and made again: a known reference
     * with other values does just that (the withdrawal re-links the person it belonged to). Its mapping's
     * hash is keyed with the linkage secret, as the API's idempotency fingerprint is, because the plain
     * values are names and a birth date.
     */
    private Outcome applyRegistration(RowRequests.Parsed p, UnitState s) {
        ImportRow row = p.row();
        var q = (RegistrationRequests.RegistrationRequest) p.request();
        Long caseId = row.caseRef() == null ? null : importedCase(row, s);
        var r = new RegistrationRequests.RegistrationRequest(
                q.registeredOn(),
                q.municipalityCode(),
                q.firstName(),
                q.familyName(),
                q.birthDate(),
                q.gender(),
                caseId);
        registrations.check(r);
        String hash =
                nl.ketenzicht.shared.Sha256.hex(registrations.fingerprint(r).toString());
        Optional<ImportReferences.Known> known = references.find(s.organisationId, "REGISTRATION", "", row.reference());
        if (known.isPresent() && known.get().hash().equals(hash)) {
            return Outcome.UNCHANGED;
        }
        boolean replaced =
                known.isPresent() && registrations.withdrawIfPresent(known.get().recordId());
        long id = registrations.register(r, null, BASE).view().id();
        references.save(s.organisationId, "REGISTRATION", "", row.reference(), id, caseId, hash, s.jobId);
        return replaced ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** The case the row's case reference names, imported by the organisation before (or earlier in this unit). */
    private long importedCase(ImportRow row, UnitState s) {
        return references
                .find(s.organisationId, "CASE", row.caseRef(), row.caseRef())
                .map(ImportReferences.Known::recordId)
                .orElseThrow(() -> refused(
                        row,
                        ImportColumn.CASE_REF,
                        MessageCode.IMPORT_CASE_UNKNOWN,
                        Map.of("reference", row.caseRef()),
                        "No case with this reference: add its ZAAK row to the file, or import its case file first."));
    }

    /** The record's current version (0 when it is gone: the service then answers as the API would). */
    private long version(Class<?> type, long id) {
        Object e = em.find(type, id);
        return e instanceof RunawayEpisode r ? r.version() : e instanceof CareReferral c ? c.version() : 0;
    }

    private static void stepUnchangeable(ImportRow row, Optional<ImportReferences.Known> known) {
        if (known.isPresent()) {
            throw refused(
                    row,
                    ImportColumn.REFERENCE,
                    MessageCode.IMPORT_STEP_CHANGED,
                    Map.of("reference", row.reference()),
                    "This step was imported before with other values; a recorded step is withdrawn in the application, not changed.");
        }
    }

    private Set<Long> victims(RowRequests.Parsed p, UnitState s) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String ref : p.linkedVictims()) {
            ids.add(references
                    .find(s.organisationId, "PARTY", p.row().caseRef(), ref)
                    .map(ImportReferences.Known::recordId)
                    .orElseThrow(() -> refused(
                            p.row(),
                            ImportColumn.LINKED_VICTIMS,
                            MessageCode.IMPORT_PARTY_UNKNOWN,
                            Map.of("reference", ref),
                            "No victim with reference " + ref + " in this case.")));
        }
        return ids;
    }

    private long party(ImportRow row, String ref, UnitState s) {
        return references
                .find(s.organisationId, "PARTY", row.caseRef(), ref)
                .map(ImportReferences.Known::recordId)
                .orElseThrow(() -> refused(
                        row,
                        ImportColumn.PARTY_REF,
                        MessageCode.IMPORT_PARTY_UNKNOWN,
                        Map.of("reference", ref),
                        "No party with reference " + ref + " in this case."));
    }

    private static Refused refused(
            ImportRow row, ImportColumn column, MessageCode code, Map<String, ?> params, String message) {
        return new Refused(RowProblem.of(row.number(), column, code, params, message));
    }
}
