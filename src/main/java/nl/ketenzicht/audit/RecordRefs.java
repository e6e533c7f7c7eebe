package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a record id stands for in the access log: the case it belongs to and the victims it concerns
 * (the data subjects), and which organisations own cases. For refusals, where the service never loaded
 * the record, and for the owner of every access. Reads in the caller's transaction.
 */
@ApplicationScoped
class RecordRefs {

    /** Record kinds by the API's path segment before their id, and the log's object type for each. */
    static final Map<String, String> KINDS = Map.of(
            "cases",
            "case",
            "parties",
            "party",
            "subjects",
            "party",
            "runaways",
            "runaway",
            "care-referrals",
            "care-referral",
            "chain-events",
            "chain-event");

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    record Touched(List<Long> cases, List<Long> subjects) {
        static final Touched NOTHING = new Touched(List.of(), List.of());
    }

    /** The case and victims of a record of the given object type; nothing when it does not exist. */
    Touched of(String objectType, long id) {
        return switch (objectType) {
            case "case", "case-chain" -> ofCase(id);
            case "party" -> ofParty(id);
            case "runaway" ->
                first("SELECT victim_id FROM runaway_episode WHERE id = ?1", id)
                        .map(this::ofParty)
                        .orElse(Touched.NOTHING);
            case "care-referral" ->
                first("SELECT victim_id FROM care_referral WHERE id = ?1", id)
                        .map(this::ofParty)
                        .orElse(Touched.NOTHING);
            case "chain-event" ->
                first("SELECT party_id FROM chain_event WHERE id = ?1", id)
                        .map(this::ofParty)
                        .orElse(Touched.NOTHING);
            default -> Touched.NOTHING;
        };
    }

    /** The organisations owning the cases (purged cases have none). */
    List<Long> owners(Collection<Long> caseIds) {
        // Ids are Longs, never user text, so inlining them is safe (a native IN takes no list parameter).
        String in = caseIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<Long> owners = new ArrayList<>();
        for (Object o : em.createNativeQuery(
                        "SELECT DISTINCT owner_organisation_id FROM case_file WHERE id IN (" + in + ")")
                .getResultList()) {
            owners.add(((Number) o).longValue());
        }
        return owners;
    }

    private Touched ofCase(long caseId) {
        if (first("SELECT id FROM case_file WHERE id = ?1", caseId).isEmpty()) {
            return Touched.NOTHING;
        }
        return new Touched(
                List.of(caseId),
                ids("SELECT id FROM party WHERE case_id = ?1 AND kind = 'VICTIM' ORDER BY id", caseId));
    }

    private Touched ofParty(long partyId) {
        List<?> rows = em.createNativeQuery("SELECT case_id, kind FROM party WHERE id = ?1")
                .setParameter(1, partyId)
                .getResultList();
        if (rows.isEmpty()) {
            return Touched.NOTHING;
        }
        Object[] row = (Object[]) rows.get(0);
        long caseId = ((Number) row[0]).longValue();
        List<Long> victims = "VICTIM".equals(row[1])
                ? List.of(partyId)
                : ids("SELECT victim_id FROM party_link WHERE offender_id = ?1 ORDER BY victim_id", partyId);
        return new Touched(List.of(caseId), victims);
    }

    private java.util.Optional<Long> first(String sql, long id) {
        return ids(sql, id).stream().findFirst();
    }

    private List<Long> ids(String sql, Object parameter) {
        List<Long> ids = new ArrayList<>();
        for (Object o : em.createNativeQuery(sql).setParameter(1, parameter).getResultList()) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }
}
