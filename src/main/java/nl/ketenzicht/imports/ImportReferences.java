package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The partner's own references and the records they made: (organisation, type, case reference,
 * reference) names one record, so that a re-import updates it instead of adding another. Written in
 * the unit's transaction, on its connection, so a mapping commits or rolls back with its record.
 */
@ApplicationScoped
class ImportReferences {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    /** A mapped record; {@code caseId} is null for a registration made without a case. */
    record Known(long recordId, Long caseId, String hash) {}

    Optional<Known> find(long organisationId, String type, String caseRef, String reference) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT record_id, case_id, row_hash FROM import_reference "
                        + "WHERE organisation_id = ?1 AND record_type = ?2 AND case_ref = ?3 AND external_ref = ?4")
                .setParameter(1, organisationId)
                .setParameter(2, type)
                .setParameter(3, caseRef)
                .setParameter(4, reference)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Known(
                        ((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2]));
    }

    /** Those of the case references that name a case imported before (one query for a chunk). */
    java.util.Set<String> knownCases(long organisationId, java.util.Collection<String> caseRefs) {
        if (caseRefs.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> refs = List.copyOf(new java.util.LinkedHashSet<>(caseRefs));
        String marks = java.util.stream.IntStream.range(0, refs.size())
                .mapToObj(i -> "?" + (i + 2))
                .collect(java.util.stream.Collectors.joining(", "));
        var q = em.createNativeQuery("SELECT case_ref FROM import_reference WHERE organisation_id = ?1 "
                + "AND record_type = 'CASE' AND case_ref IN (" + marks + ")");
        q.setParameter(1, organisationId);
        for (int i = 0; i < refs.size(); i++) {
            q.setParameter(i + 2, refs.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> found = q.getResultList();
        java.util.Set<String> known = new java.util.HashSet<>();
        found.forEach(r -> known.add(String.valueOf(r)));
        return known;
    }

    void save(
            long organisationId,
            String type,
            String caseRef,
            String reference,
            long recordId,
            Long caseId,
            String hash,
            long jobId) {
        em.createNativeQuery(
                        "INSERT INTO import_reference (organisation_id, record_type, case_ref, external_ref, record_id, case_id, "
                                + "row_hash, job_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON DUPLICATE KEY UPDATE "
                                + "record_id = VALUES(record_id), case_id = VALUES(case_id), row_hash = VALUES(row_hash), job_id = VALUES(job_id), "
                                + "updated_at = VALUES(updated_at)")
                .setParameter(1, organisationId)
                .setParameter(2, type)
                .setParameter(3, caseRef)
                .setParameter(4, reference)
                .setParameter(5, recordId)
                .setParameter(6, caseId)
                .setParameter(7, hash)
                .setParameter(8, jobId)
                .setParameter(9, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
