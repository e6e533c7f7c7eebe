package nl.ketenzicht.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.security.AccessScope;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Case queries. Every query takes the caller's scope and applies it inside the statement, except the
 * retention purge's, which is public for that job: it runs for no caller.
 */
@ApplicationScoped
public class CaseRepository {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    Optional<Case> find(long id, AccessScope scope) {
        return scope.bind(em.createQuery("SELECT c FROM Case c WHERE c.id = :id AND " + scope.condition(), Case.class))
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    boolean inRegularScope(long id, AccessScope regular) {
        return find(id, regular).isPresent();
    }

    long ownerOf(long caseId) {
        return em.createQuery("SELECT c.ownerOrganisationId FROM Case c WHERE c.id = :id", Long.class)
                .setParameter("id", caseId)
                .getSingleResult();
    }

    /** Retention: up to {@code limit} cases closed before the day, oldest id first. */
    public List<Long> closedBefore(java.time.LocalDate day, int limit) {
        return ids(em.createNativeQuery(
                        "SELECT id FROM case_file WHERE status = 'CLOSED' AND closed_on < ?1 ORDER BY id LIMIT ?2")
                .setParameter(1, java.sql.Date.valueOf(day))
                .setParameter(2, limit)
                .getResultList());
    }

    /** Retention: locks the case if it is (still) closed before the day; its owner, or empty. */
    public Optional<Long> lockClosedBefore(long caseId, java.time.LocalDate day) {
        List<?> owner = em.createNativeQuery("SELECT owner_organisation_id FROM case_file WHERE id = ?1 "
                        + "AND status = 'CLOSED' AND closed_on < ?2 FOR UPDATE")
                .setParameter(1, caseId)
                .setParameter(2, java.sql.Date.valueOf(day))
                .getResultList();
        return owner.stream().findFirst().map(o -> ((Number) o).longValue());
    }

    /** Retention: deletes the case; its dependent rows follow by foreign key (ON DELETE CASCADE, V1_24_0). */
    public void delete(long caseId) {
        em.createNativeQuery("DELETE FROM case_file WHERE id = ?1")
                .setParameter(1, caseId)
                .executeUpdate();
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(n -> ((Number) n).longValue()).toList();
    }

    void flush() {
        em.flush();
    }

    void persist(Case c) {
        em.persist(c);
        em.flush();
    }

    Result list(CaseFilter f, AccessScope scope, java.util.Set<String> municipalitiesMatchingQ) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, scope, params);
        if (f.q() != null && !f.q().isBlank()) {
            where += f.q().strip().matches("\\d{1,18}")
                    ? " AND c.id = :qid"
                    : " AND c.region.municipalityCode IN :qmunis";
            if (f.q().strip().matches("\\d{1,18}")) {
                params.put("qid", Long.parseLong(f.q().strip()));
            } else {
                params.put(
                        "qmunis", municipalitiesMatchingQ.isEmpty() ? java.util.Set.of("-") : municipalitiesMatchingQ);
            }
        }
        TypedQuery<Case> q = scope.bind(
                em.createQuery("SELECT c FROM Case c WHERE " + where + " ORDER BY " + order(f.sort()), Case.class));
        TypedQuery<Long> count = scope.bind(em.createQuery("SELECT COUNT(c) FROM Case c WHERE " + where, Long.class));
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Result(
                q.setFirstResult(f.offset()).setMaxResults(f.limit()).getResultList(), count.getSingleResult());
    }

    private static String where(CaseFilter f, AccessScope scope, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>(List.of(scope.condition()));
        add(clauses, params, "c.region.municipalityCode = :municipality", "municipality", f.municipality());
        add(clauses, params, "c.region.policeUnit = :policeUnit", "policeUnit", f.policeUnit());
        add(clauses, params, "c.region.courtDistrict = :courtDistrict", "courtDistrict", f.courtDistrict());
        add(clauses, params, "c.origin = :origin", "origin", f.origin());
        add(clauses, params, "c.status = :status", "status", f.status());
        add(clauses, params, "c.teamType = :teamType", "teamType", f.teamType());
        add(clauses, params, ":form MEMBER OF c.exploitationForms", "form", f.exploitationForm());
        add(clauses, params, "c.openedOn >= :from", "from", f.openedFrom());
        add(clauses, params, "c.openedOn <= :to", "to", f.openedTo());
        return String.join(" AND ", clauses);
    }

    private static void add(
            List<String> clauses, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
    }

    static String order(String sort) {
        String[] parts = sort.split(",", 2);
        String column = CaseFilter.SORTABLE.get(parts[0]);
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
        if (column == null || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ProblemException.invalid(
                    "sort",
                    MessageCode.SORT_UNKNOWN,
                    java.util.Map.of("allowed", String.join(", ", CaseFilter.SORTABLE.keySet())),
                    "Sort by one of " + String.join(", ", CaseFilter.SORTABLE.keySet())
                            + ", optionally followed by ,asc or ,desc.");
        }
        return column + " " + direction + ", c.id " + direction;
    }

    List<CaseShare> shares(long caseId) {
        return em.createQuery("SELECT s FROM CaseShare s WHERE s.caseId = :c ORDER BY s.id", CaseShare.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    Optional<CaseShare> share(long caseId, long shareId) {
        return Optional.ofNullable(em.find(CaseShare.class, shareId)).filter(s -> s.caseId() == caseId);
    }

    void persist(CaseShare s) {
        em.persist(s);
        em.flush();
    }

    record Result(List<Case> cases, long total) {}
}
