package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.identity.Role;

/** Queries over users, organisations and sessions. */
@ApplicationScoped
public class Users {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    public Optional<UserAccount> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(UserAccount.class, id));
    }

    public Optional<Organisation> organisation(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Organisation.class, id));
    }

    public Optional<Organisation> organisationByCode(String code) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.code = :c", Organisation.class)
                .setParameter("c", code)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> byUsername(String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :n", UserAccount.class)
                .setParameter("n", username)
                .getResultStream()
                .findFirst();
    }

    public List<Organisation> organisations() {
        return em.createQuery("SELECT o FROM Organisation o ORDER BY o.name", Organisation.class)
                .getResultList();
    }

    public List<UserAccount> users(int offset, int limit) {
        return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countUsers() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    public boolean anyAdmin() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.role = :r", Long.class)
                        .setParameter("r", Role.ADMIN)
                        .getSingleResult()
                > 0;
    }
}
