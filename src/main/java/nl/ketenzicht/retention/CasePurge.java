package nl.ketenzicht.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.cases.CaseRepository;
import nl.ketenzicht.linkage.RegistrationRepository;
import nl.ketenzicht.parties.PartyRepository;
import nl.ketenzicht.reports.aggregates.ReportAggregates;
import nl.ketenzicht.shared.Idempotency;

/**
 * Hard-deletes one expired case with everything that hangs off it, in one transaction: one delete of
 * the case, whose dependent rows follow by foreign key (V1_24_0), then a refresh of the report
 * aggregates, which move as if the rows had never been counted; the access log gets a purge entry.
 * Each feature's rows are reached through that feature's repository. The log's earlier rows about
 * the case stay (they hold only pseudonymous ids), so the hash chain is untouched; so do break-glass
 * grants. Registrations survive the case, unlinked: they belong to the partner's own list.
 */
@ApplicationScoped
public class CasePurge {

    @Inject
    CaseRepository cases;

    @Inject
    PartyRepository parties;

    @Inject
    RegistrationRepository registrations;

    @Inject
    Idempotency idempotency;

    @Inject
    ReportAggregates aggregates;

    @Inject
    AccessLog log;

    /** Purges the case if it is (still) closed before the given day; false when it is not. */
    @Transactional
    public boolean purge(long caseId, LocalDate closedBefore) {
        Optional<Long> owner = cases.lockClosedBefore(caseId, closedBefore);
        if (owner.isEmpty()) {
            return false;
        }
        List<Long> partyIds = parties.idsOfCase(caseId);
        List<Long> victims = parties.victimIdsOfCase(caseId);
        forgetIdempotentAnswers(caseId, partyIds);
        registrations.unlinkCase(caseId);
        cases.delete(caseId);
        // With its base rows gone the case contributes nothing: its counts and facts leave the aggregates.
        aggregates.refresh(caseId);
        log.recordSystem(
                new AccessEvent(
                        AccessEvent.Action.DELETE,
                        "case",
                        List.of(caseId),
                        victims,
                        AccessEvent.Outcome.SUCCESS,
                        "retention",
                        false),
                "retention",
                owner.get());
        return true;
    }

    /** Stored first answers of creations hold case content; they go with the case. */
    private void forgetIdempotentAnswers(long caseId, List<Long> partyIds) {
        List<String> paths = new ArrayList<>();
        paths.add("cases/" + caseId);
        partyIds.forEach(id -> paths.add("parties/" + id));
        idempotency.forgetCreations(paths);
    }
}
