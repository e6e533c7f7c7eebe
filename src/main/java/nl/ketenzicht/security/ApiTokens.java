package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Issues, checks and revokes partner-system tokens. The token is shown once; only its hash is kept. */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "kz_";

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;
    @Inject
    Clock clock;

    Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 80) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM ApiToken t, Organisation o WHERE t.tokenHash = :h "
                        + "AND t.revokedAt IS NULL AND o.id = t.organisationId AND o.enabled = TRUE", ApiToken.class)
                .setParameter("h", Secrets.sha256(token)).getResultStream().findFirst()
                .map(t -> new Caller(null, t.name(), Role.CASEWORKER, t.organisationId(), null, null, t.id(), true, null));
    }

    @Transactional
    public Issued issue(Long organisationId, String name, Long issuedBy) {
        String token = PREFIX + Secrets.randomToken(32);
        ApiToken entity = new ApiToken(organisationId, name, Secrets.sha256(token), issuedBy, clock.instant());
        em.persist(entity);
        em.flush();
        return new Issued(entity, token);
    }

    @Transactional
    public Optional<ApiToken> revoke(Long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token != null) {
            token.revoke(clock.instant());
        }
        return Optional.ofNullable(token);
    }

    List<ApiToken> list() {
        return em.createQuery("SELECT t FROM ApiToken t ORDER BY t.id", ApiToken.class).getResultList();
    }

    public record Issued(ApiToken token, String value) {
    }
}
