package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registration queries; reads of records always within the owning organisation. */
@ApplicationScoped
public class RegistrationRepository {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    /**
     * A purged case's registrations survive it, unlinked: they belong to the partner's own list. Their
     * version moves, since they changed.
     */
    public void unlinkCase(long caseId) {
        em.createNativeQuery("UPDATE registration SET case_id = NULL, version = version + 1 WHERE case_id = ?1")
                .setParameter(1, caseId)
                .executeUpdate();
    }

    /** Serialises linkage until the transaction ends (see the linkage_lock table). */
    void lockLinkage() {
        em.createNativeQuery("SELECT id FROM linkage_lock WHERE id = 1 FOR UPDATE")
                .getResultList();
    }

    /** Earlier registrations that share at least one key of the same variant. */
    List<Registration> sharingAnyKey(LinkageKeys k) {
        return em.createQuery(
                        "SELECT r FROM Registration r WHERE r.keyFull = :full OR r.keyNoFirstName = :noFirst "
                                + "OR r.keyNoFamilyName = :noFamily OR r.keyBirthYear = :year",
                        Registration.class)
                .setParameter("full", k.full())
                .setParameter("noFirst", k.noFirstName())
                .setParameter("noFamily", k.noFamilyName())
                .setParameter("year", k.birthYear())
                .getResultList();
    }

    List<Registration> ofPerson(long personId) {
        return em.createQuery("SELECT r FROM Registration r WHERE r.personId = :p ORDER BY r.id", Registration.class)
                .setParameter("p", personId)
                .getResultList();
    }

    /** Moves every registration of the given persons into the target person. */
    void mergePersons(long target, Collection<Long> persons) {
        if (!persons.isEmpty()) {
            em.createQuery("UPDATE Registration r SET r.personId = :target WHERE r.personId IN :persons")
                    .setParameter("target", target)
                    .setParameter("persons", persons)
                    .executeUpdate();
        }
    }

    void persist(Registration r) {
        em.persist(r);
        em.flush();
    }

    /** A registration that starts a person names it by its own id (known only after the insert). */
    void becomeOwnPerson(Registration r) {
        em.createNativeQuery("UPDATE registration SET person_id = id WHERE id = ?1")
                .setParameter(1, r.id())
                .executeUpdate();
        em.refresh(r);
    }

    void delete(Registration r) {
        em.remove(r);
        em.flush();
    }

    void flush() {
        em.flush();
    }

    Optional<Registration> findOwn(long id, long organisationId) {
        return em.createQuery(
                        "SELECT r FROM Registration r WHERE r.id = :id AND r.organisationId = :org", Registration.class)
                .setParameter("id", id)
                .setParameter("org", organisationId)
                .getResultStream()
                .findFirst();
    }

    List<Registration> pageOwn(long organisationId, LocalDate from, LocalDate to, int offset, int limit) {
        return em.createQuery(
                        "SELECT r FROM Registration r WHERE r.organisationId = :org AND r.registeredOn "
                                + "BETWEEN :from AND :to ORDER BY r.registeredOn DESC, r.id DESC",
                        Registration.class)
                .setParameter("org", organisationId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    long countOwn(long organisationId, LocalDate from, LocalDate to) {
        return em.createQuery(
                        "SELECT COUNT(r) FROM Registration r WHERE r.organisationId = :org AND r.registeredOn "
                                + "BETWEEN :from AND :to",
                        Long.class)
                .setParameter("org", organisationId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
