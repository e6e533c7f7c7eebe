package nl.ketenzicht.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.reports.aggregates.ReportAggregates;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hard-deletes one expired case with everything that hangs off it, in one transaction: the report
 * aggregates move as if the rows had never been counted, and the access log gets a purge entry.
 * The log's earlier rows about the case stay (they hold only pseudonymous ids), so the hash chain
 * is untouched. Registrations survive the case, unlinked: they belong to the partner's own list.
 */
@ApplicationScoped
public class CasePurge {

    /** Children of party, in an order the foreign keys allow; {@code :p} is the case's party ids. */
    private static final List<String> PARTY_ROWS = List.of(
            "DELETE FROM aangifte_reason WHERE event_id IN (SELECT id FROM aangifte_event WHERE victim_id IN (:p))",
            "DELETE FROM aangifte_event WHERE victim_id IN (:p)",
            "DELETE FROM chain_event WHERE party_id IN (:p)",
            "DELETE FROM charge WHERE party_id IN (:p)",
            "DELETE FROM runaway_episode WHERE victim_id IN (:p)",
            "DELETE FROM care_referral WHERE victim_id IN (:p)",
            "DELETE FROM victim_vulnerability WHERE party_id IN (:p)",
            "DELETE FROM party_link WHERE offender_id IN (:p) OR victim_id IN (:p)",
            "DELETE FROM party_reference WHERE party_id IN (:p)");
    private static final List<String> CASE_ROWS = List.of(
            "DELETE FROM party WHERE case_id = ?1",
            "DELETE FROM case_exploitation_form WHERE case_id = ?1",
            "DELETE FROM case_investigation_method WHERE case_id = ?1",
            "DELETE FROM case_share WHERE case_id = ?1",
            "UPDATE registration SET case_id = NULL, version = version + 1 WHERE case_id = ?1",
            "DELETE FROM case_file WHERE id = ?1");

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;
    @Inject
    AccessLog log;
    @Inject
    ReportAggregates aggregates;

    /** Purges the case if it is (still) closed before the given day; false when it is not. */
    @Transactional
    public boolean purge(long caseId, LocalDate closedBefore) {
        List<?> owner = em.createNativeQuery("SELECT owner_organisation_id FROM case_file WHERE id = ?1 "
                        + "AND status = 'CLOSED' AND closed_on < ?2 FOR UPDATE")
                .setParameter(1, caseId).setParameter(2, Date.valueOf(closedBefore)).getResultList();
        if (owner.isEmpty()) {
            return false;
        }
        List<Long> parties = ids("SELECT id FROM party WHERE case_id = ?1", caseId);
        List<Long> victims = ids("SELECT id FROM party WHERE case_id = ?1 AND kind = 'VICTIM'", caseId);
        if (!parties.isEmpty()) {
            // Ids are Longs read from our own tables, so inlining them is safe.
            String list = parties.stream().map(String::valueOf).collect(Collectors.joining(","));
            PARTY_ROWS.forEach(sql -> em.createNativeQuery(sql.replace(":p", list)).executeUpdate());
        }
        forgetIdempotentAnswers(caseId, parties);
        CASE_ROWS.forEach(sql -> em.createNativeQuery(sql).setParameter(1, caseId).executeUpdate());
        // With its base rows gone the case contributes nothing: its counts and facts leave the aggregates.
        aggregates.refresh(caseId);
        log.recordSystem(new AccessEvent(AccessEvent.Action.DELETE, "case", List.of(caseId), victims,
                AccessEvent.Outcome.SUCCESS, "retention", false), "retention", ((Number) owner.get(0)).longValue());
        return true;
    }

    /** Stored first answers of creations hold case content; they go with the case. */
    private void forgetIdempotentAnswers(long caseId, List<Long> parties) {
        StringBuilder in = new StringBuilder("?1");
        for (int i = 0; i < parties.size(); i++) {
            in.append(", ?").append(i + 2);
        }
        Query q = em.createNativeQuery("DELETE FROM idempotency_key WHERE SUBSTRING_INDEX(location, '/api/', -1) IN (" + in + ")")
                .setParameter(1, "cases/" + caseId);
        for (int i = 0; i < parties.size(); i++) {
            q.setParameter(i + 2, "parties/" + parties.get(i));
        }
        q.executeUpdate();
    }

    private List<Long> ids(String sql, long caseId) {
        return em.createNativeQuery(sql).setParameter(1, caseId).getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList();
    }
}
