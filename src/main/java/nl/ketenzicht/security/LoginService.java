package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The two-step login: password (which only opens a short pending session), then a TOTP code or a
 * recovery code (which opens the real session under a new id). Every step is logged; the answer to a
 * wrong password is the same whether or not the user exists.
 */
@ApplicationScoped
public class LoginService {

    static final String INVALID = "The username or password is not correct.";

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Inject
    Totp totp;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    OidcClient oidc;

    public Sessions.Started password(String username, String password, String address) {
        Optional<java.time.Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            logFailure(null, username, "throttled");
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            throw new ProblemException(
                    429,
                    "Too many attempts",
                    MessageCode.TOO_MANY_LOGINS,
                    java.util.Map.of("minutes", minutes),
                    "Too many failed logins. Wait " + minutes + " minutes and try again.");
        }
        Optional<UserAccount> user = users.byUsername(username == null ? "" : username.trim());
        boolean ok = user.isPresent() ? passwords.verify(password, user.get().passwordHash()) : dummy(password);
        if (!ok || !user.get().enabled()) {
            throttle.recordFailure(username, address);
            logFailure(user.map(UserAccount::id).orElse(null), username, "password");
            throw new ProblemException(401, "Unauthorized", MessageCode.LOGIN_INVALID, INVALID);
        }
        OidcProvider p = em.find(OidcProvider.class, user.get().organisation().id());
        if (p != null && p.enabled()) {
            // Its staff log in at the organisation's provider, so that disabling them there takes effect here.
            logFailure(user.get().id(), username, "password refused: the organisation logs in through " + p.issuer());
            throw new ProblemException(401, "Unauthorized", MessageCode.LOGIN_INVALID, INVALID);
        }
        return sessions.start(user.get().id(), UserSession.Stage.PASSWORD_OK);
    }

    @Transactional
    public Enrolment enrol(Caller pending) {
        UserAccount user = em.find(UserAccount.class, pending.userId());
        if (user.totpConfirmed()) {
            throw ProblemException.conflict(
                    MessageCode.SECOND_FACTOR_EXISTS,
                    "A second factor is already set up; ask an administrator to reset it.");
        }
        String secret = totp.newSecret();
        user.startTotpEnrolment(secret);
        return new Enrolment(secret, totp.otpauthUri(secret, user.username()), totp.qrDataUri(secret, user.username()));
    }

    /** Checks the second factor; on success the pending session ends and a new one starts. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Completed secondFactor(Caller pending, String code, String recoveryCode) {
        UserAccount user = em.find(UserAccount.class, pending.userId());
        boolean firstTime = !user.totpConfirmed();
        if (!(acceptCode(user, code) || (!firstTime && acceptRecoveryCode(user, recoveryCode)))) {
            logFailure(user.id(), user.username(), "second factor");
            throw new ProblemException(
                    401,
                    "Unauthorized",
                    MessageCode.SECOND_FACTOR_INVALID,
                    "The code is not correct or was used before.");
        }
        throttle.recordSuccess(user.username());
        String provider = sessions.provider(pending.sessionHash())
                .map(p -> providerName(p.organisationId()) + ", TOTP")
                .orElse(null);
        Sessions.Started started = sessions.complete(pending.sessionHash(), user.id());
        List<String> recovery = firstTime ? newRecoveryCodes(user) : List.of();
        log.recordLogin(
                new AccessEvent(
                        AccessEvent.Action.LOGIN,
                        "session",
                        List.of(),
                        List.of(),
                        AccessEvent.Outcome.SUCCESS,
                        provider,
                        false),
                user.id(),
                user.username(),
                user.role().name(),
                user.organisation().id());
        return new Completed(started, user, recovery);
    }

    private boolean acceptCode(UserAccount user, String code) {
        OptionalLong step = totp.verify(user.totpSecret(), code);
        return step.isPresent() && user.acceptTotpStep(step.getAsLong());
    }

    private boolean acceptRecoveryCode(UserAccount user, String recoveryCode) {
        if (recoveryCode == null || recoveryCode.isBlank()) {
            return false;
        }
        int used = em.createNativeQuery(
                        "UPDATE recovery_code SET used_at = ?1 WHERE user_id = ?2 AND code_hash = ?3 AND used_at IS NULL")
                .setParameter(1, java.sql.Timestamp.from(clock.instant()))
                .setParameter(2, user.id())
                .setParameter(3, Secrets.sha256(recoveryCode.trim().toLowerCase()))
                .executeUpdate();
        return used == 1;
    }

    private List<String> newRecoveryCodes(UserAccount user) {
        em.createNativeQuery("DELETE FROM recovery_code WHERE user_id = ?1")
                .setParameter(1, user.id())
                .executeUpdate();
        List<String> codes = totp.recoveryCodes();
        for (String c : codes) {
            em.createNativeQuery("INSERT INTO recovery_code (user_id, code_hash) VALUES (?1, ?2)")
                    .setParameter(1, user.id())
                    .setParameter(2, Secrets.sha256(c.toLowerCase()))
                    .executeUpdate();
        }
        return codes;
    }

    /** Ends the session; for a provider's session also the address of the provider's logout, if it has one. */
    public Optional<java.net.URI> logout(Caller caller, java.net.URI afterLogout) {
        Optional<Sessions.ProviderSession> provider = sessions.provider(caller.sessionHash());
        Optional<OidcProvider> config = provider.map(p -> em.find(OidcProvider.class, p.organisationId()));
        Optional<java.net.URI> providerLogout =
                config.flatMap(c -> oidc.logoutUri(c, provider.get().idToken(), afterLogout));
        sessions.end(caller.sessionHash());
        String purpose = config.map(c -> "oidc " + c.issuer()
                        + (providerLogout.isPresent() ? ", RP-initiated logout" : ", no end-session endpoint"))
                .orElse(null);
        log.recordLogin(
                new AccessEvent(
                        AccessEvent.Action.LOGOUT,
                        "session",
                        List.of(),
                        List.of(),
                        AccessEvent.Outcome.SUCCESS,
                        purpose,
                        false),
                caller.userId(),
                caller.username(),
                caller.role().name(),
                caller.organisationId());
        return providerLogout;
    }

    private String providerName(long organisationId) {
        OidcProvider p = em.find(OidcProvider.class, organisationId);
        return "oidc " + (p == null ? "organisation " + organisationId : p.issuer());
    }

    private boolean dummy(String password) {
        passwords.verifyDummy(password);
        return false;
    }

    private void logFailure(Long userId, String username, String step) {
        // The typed username is not logged for unknown users: it may be a password typed in the wrong box.
        log.recordLogin(
                new AccessEvent(
                        AccessEvent.Action.LOGIN_FAILED,
                        "session",
                        List.of(),
                        List.of(),
                        AccessEvent.Outcome.DENIED,
                        step,
                        false),
                userId,
                userId == null ? null : username,
                null,
                null);
    }

    public record Enrolment(String secret, String otpauthUri, String qrDataUri) {}

    public record Completed(Sessions.Started session, UserAccount user, List<String> recoveryCodes) {}
}
