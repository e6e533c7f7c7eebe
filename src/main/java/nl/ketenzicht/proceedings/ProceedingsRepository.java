package nl.ketenzicht.proceedings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Chain events and charges by party; the caller has established the party's scope. */
@ApplicationScoped
class ProceedingsRepository {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    List<ChainEvent> events(long partyId) {
        return em.createQuery(
                        "SELECT e FROM ChainEvent e WHERE e.partyId = :p ORDER BY e.occurredOn, e.id", ChainEvent.class)
                .setParameter("p", partyId)
                .getResultList();
    }

    List<ChainEvent> events(Collection<Long> partyIds) {
        return partyIds.isEmpty()
                ? List.of()
                : em.createQuery(
                                "SELECT e FROM ChainEvent e WHERE e.partyId IN :p "
                                        + "ORDER BY e.partyId, e.occurredOn, e.id",
                                ChainEvent.class)
                        .setParameter("p", partyIds)
                        .getResultList();
    }

    List<Charge> charges(long partyId) {
        return em.createQuery("SELECT c FROM Charge c WHERE c.partyId = :p ORDER BY c.offenceDate, c.id", Charge.class)
                .setParameter("p", partyId)
                .getResultList();
    }

    Optional<ChainEvent> event(long id) {
        return Optional.ofNullable(em.find(ChainEvent.class, id));
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    void remove(ChainEvent e) {
        em.remove(e);
    }

    void flush() {
        em.flush();
    }
}
