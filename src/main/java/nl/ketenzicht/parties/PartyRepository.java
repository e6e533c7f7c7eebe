package nl.ketenzicht.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.security.AccessScope;

/**
 * Party queries; the case scope is part of every statement (a party is reached only through its case),
 * except the public ones by case id, for the retention purge, which runs for no caller.
 */
@ApplicationScoped
public class PartyRepository {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    Optional<Party> find(long id, AccessScope scope) {
        return scope.bind(em.createQuery(
                        "SELECT p FROM Party p, Case c WHERE p.id = :id AND c.id = p.caseId AND " + scope.condition(),
                        Party.class))
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    List<Party> ofCase(long caseId) {
        return em.createQuery("SELECT p FROM Party p WHERE p.caseId = :c ORDER BY p.id", Party.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    /** The ids of the case's parties, of every kind. */
    public List<Long> idsOfCase(long caseId) {
        return em.createQuery("SELECT p.id FROM Party p WHERE p.caseId = :c", Long.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    public List<Long> victimIdsOfCase(long caseId) {
        return em.createQuery("SELECT p.id FROM Victim p WHERE p.caseId = :c", Long.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    List<Long> consentingVictimIdsOfCase(long caseId) {
        return em.createQuery("SELECT p.id FROM Victim p WHERE p.caseId = :c AND p.consentToShare = TRUE", Long.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    void persist(Party p) {
        em.persist(p);
        em.flush();
    }

    /** Bumps the version so that concurrent changes to the same party's chain cannot both pass their checks. */
    void lockForChange(Party p) {
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    long version(long partyId) {
        return em.find(Party.class, partyId).version();
    }

    void flush() {
        em.flush();
    }

    Optional<String> reference(long partyId) {
        List<?> rows = em.createNativeQuery("SELECT partner_reference FROM party_reference WHERE party_id = ?1")
                .setParameter(1, partyId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    void saveReference(long partyId, String reference) {
        em.createNativeQuery("DELETE FROM party_reference WHERE party_id = ?1")
                .setParameter(1, partyId)
                .executeUpdate();
        if (reference != null && !reference.isBlank()) {
            em.createNativeQuery("INSERT INTO party_reference (party_id, partner_reference) VALUES (?1, ?2)")
                    .setParameter(1, partyId)
                    .setParameter(2, reference.strip())
                    .executeUpdate();
        }
    }
}
