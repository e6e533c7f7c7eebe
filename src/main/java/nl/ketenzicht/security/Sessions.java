package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.ketenzicht.identity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates, resumes and ends sessions; the cookie value itself is never stored. */
@ApplicationScoped
public class Sessions {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.session.idle-timeout", defaultValue = "PT15M")
    Duration idle;

    @Inject
    @ConfigProperty(name = "ketenzicht.session.absolute-timeout", defaultValue = "PT12H")
    Duration absolute;

    @Inject
    @ConfigProperty(name = "ketenzicht.oidc.session-lifetime", defaultValue = "PT1H")
    Duration oidcLifetime;

    /** A new session (new id) for the user; returns the cookie value and the session. */
    @Transactional
    public Started start(Long userId, UserSession.Stage stage) {
        String cookie = Secrets.randomToken(32);
        UserSession session = new UserSession(Secrets.sha256(cookie), userId, stage, clock.instant());
        em.persist(session);
        return new Started(cookie, session);
    }

    /** A new session opened through an organisation's OpenID provider (pending TOTP or complete). */
    @Transactional
    public Started startFromProvider(Long userId, UserSession.Stage stage, long organisationId, String idToken) {
        Started started = start(userId, stage);
        started.session().openedBy(organisationId, idToken);
        return started;
    }

    /** After the second factor: the pending session ends and a complete one starts, from the same provider if any. */
    @Transactional
    public Started complete(String pendingHash, Long userId) {
        UserSession pending = em.find(UserSession.class, pendingHash);
        Started started = start(userId, UserSession.Stage.AUTHENTICATED);
        if (pending != null) {
            started.session().openedBy(pending.oidcOrganisationId(), pending.oidcIdToken());
            pending.end(clock.instant());
        }
        return started;
    }

    /** The provider that opened a session and its ID token, read before the session ends (logout). */
    public Optional<ProviderSession> provider(String sessionHash) {
        UserSession s = sessionHash == null ? null : em.find(UserSession.class, sessionHash);
        return s == null || s.oidcOrganisationId() == null
                ? Optional.empty()
                : Optional.of(new ProviderSession(s.oidcOrganisationId(), s.oidcIdToken()));
    }

    /** The live session and its user for a cookie value, or empty when unknown, ended or timed out. */
    @Transactional
    public Optional<Resumed> resume(String cookie) {
        if (cookie == null || cookie.length() > 64) {
            return Optional.empty();
        }
        UserSession session = em.find(UserSession.class, Secrets.sha256(cookie));
        if (session == null || !session.isLive(clock.instant(), idle, absolute, oidcLifetime)) {
            return Optional.empty();
        }
        UserAccount user = em.find(UserAccount.class, session.userId());
        if (user == null || !user.enabled()) {
            session.end(clock.instant());
            return Optional.empty();
        }
        session.touch(clock.instant());
        return Optional.of(new Resumed(session, user));
    }

    /** The user of a session that exists but no longer lets them in (ended, timed out, user disabled). */
    public Optional<Caller> refusedIdentity(String cookie) {
        if (cookie == null || cookie.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(UserSession.class, Secrets.sha256(cookie)))
                .map(s -> em.find(UserAccount.class, s.userId()))
                .map(u -> new Caller(
                        u.id(),
                        u.username(),
                        u.role(),
                        u.organisation().id(),
                        u.policeUnit(),
                        null,
                        null,
                        false,
                        null));
    }

    @Transactional
    public void end(String sessionHash) {
        UserSession session = em.find(UserSession.class, sessionHash);
        if (session != null) {
            session.end(clock.instant());
        }
    }

    /** Disabling an account or resetting its second factor ends its sessions at once. */
    @Transactional
    public void endAllOf(Long userId) {
        em.createQuery(
                        "UPDATE UserSession s SET s.endedAt = :now, s.oidcIdToken = NULL WHERE s.userId = :u AND s.endedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("u", userId)
                .executeUpdate();
    }

    public record Started(String cookie, UserSession session) {}

    public record ProviderSession(long organisationId, String idToken) {}

    public record Resumed(UserSession session, UserAccount user) {}
}
