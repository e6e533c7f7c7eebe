package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.Role;

/**
 * Registers, checks and revokes partner-system tokens. Only the hash of a token is ever known here.
 * A partner system calls many times a second, so a valid token's check is remembered for a few
 * seconds; a revocation or a change of an organisation empties that memory as soon as it commits.
 */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "kz_";
    private static final Duration REMEMBERED = Duration.ofSeconds(10);

    /** Fired inside the transaction that revokes a token or changes an organisation. */
    public record Changed() {}

    private record Known(Caller caller, Instant until) {}

    /** Valid tokens only, by hash: unknown tokens are never kept, so guessing cannot fill it. */
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    /** Moves on every committed change; a check that read the database before it does not remember. */
    private final AtomicLong generation = new AtomicLong();

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<Changed> changed;

    Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 80) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Known k = known.get(hash);
        if (k != null && now.isBefore(k.until())) {
            return Optional.of(k.caller());
        }
        long seen = generation.get();
        Optional<Caller> caller = em.createQuery(
                        "SELECT t FROM ApiToken t, Organisation o WHERE t.tokenHash = :h "
                                + "AND t.revokedAt IS NULL AND t.approvedAt IS NOT NULL AND o.id = t.organisationId AND o.enabled = TRUE",
                        ApiToken.class)
                .setParameter("h", hash)
                .getResultStream()
                .findFirst()
                .map(t -> new Caller(
                        null, t.name(), Role.CASEWORKER, t.organisationId(), null, null, t.id(), true, null));
        caller.ifPresentOrElse(
                c -> {
                    known.put(hash, new Known(c, now.plus(REMEMBERED)));
                    if (generation.get() != seen) {
                        known.remove(hash);
                    }
                },
                () -> known.remove(hash));
        return caller;
    }

    /** The token's identity when it exists but is refused (revoked, or its organisation disabled). */
    Optional<Caller> refusedIdentity(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 80) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :h", ApiToken.class)
                .setParameter("h", Secrets.sha256(token))
                .getResultStream()
                .findFirst()
                .map(t -> new Caller(
                        null, t.name(), Role.CASEWORKER, t.organisationId(), null, null, t.id(), false, null));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed e) {
        generation.incrementAndGet();
        known.clear();
    }

    /**
     * Registers a pending token by the hash of a secret the partner organisation made itself, so no
     * administrator ever holds a token (and with it the organisation's case records).
     */
    @Transactional
    public ApiToken request(Long organisationId, String name, String secretHash, Long requestedBy) {
        ApiToken entity = new ApiToken(organisationId, name, secretHash, requestedBy, clock.instant());
        em.persist(entity);
        em.flush();
        return entity;
    }

    Optional<ApiToken> find(Long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    boolean hashInUse(String secretHash) {
        return !em.createQuery("SELECT t.id FROM ApiToken t WHERE t.tokenHash = :h", Long.class)
                .setParameter("h", secretHash)
                .getResultList()
                .isEmpty();
    }

    @Transactional
    public Optional<ApiToken> revoke(Long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token != null) {
            token.revoke(clock.instant());
            changed.fire(new Changed());
        }
        return Optional.ofNullable(token);
    }

    List<ApiToken> list() {
        return em.createQuery("SELECT t FROM ApiToken t ORDER BY t.id", ApiToken.class)
                .getResultList();
    }
}
