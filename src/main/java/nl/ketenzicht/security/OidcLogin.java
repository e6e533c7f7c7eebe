package nl.ketenzicht.security;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.config.Config;

/**
 * Login through an organisation's OpenID provider. {@link #start} records state, nonce and PKCE
 * verifier, bound to the browser by a cookie, and gives the provider's address; {@link #finish}
 * takes the provider's answer once (the state is consumed, so a replayed answer is refused), lets
 * {@link OidcClient} exchange the code and check the ID token, maps the user by the organisation's
 * configuration, and opens a session: complete when the provider's login was multi-factor and the
 * organisation accepts that, else pending the Ketenzicht TOTP. Every outcome is in the access log
 * with the provider's issuer.
 */
@ApplicationScoped
public class OidcLogin {

    static final Duration LOGIN_WINDOW = Duration.ofMinutes(10);
    /** JIT accounts have no password: this hash matches no password (PBKDF2 hashes have another form). */
    static final String NO_PASSWORD = "!oidc";

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    OidcClient client;

    @Inject
    Sessions sessions;

    @Inject
    Users users;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Config config;

    /** The configured provider of an organisation given by its code, if it is enabled. */
    public Optional<OidcProvider> providerOf(String organisationCode) {
        if (organisationCode == null || organisationCode.isBlank()) {
            return Optional.empty();
        }
        return users.organisationByCode(organisationCode.trim().toUpperCase(Locale.ROOT))
                .filter(Organisation::enabled)
                .map(o -> em.find(OidcProvider.class, o.id()))
                .filter(OidcProvider::enabled);
    }

    /** The provider of the user's organisation, when the user logs in through one. */
    public Optional<Organisation> organisationOfUser(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.byUsername(username.trim())
                .map(UserAccount::organisation)
                .filter(o -> Optional.ofNullable(em.find(OidcProvider.class, o.id()))
                        .filter(OidcProvider::enabled)
                        .isPresent());
    }

    @Transactional
    public Started start(String organisationCode, URI redirect) {
        OidcProvider provider = providerOf(organisationCode)
                .orElseThrow(() -> ProblemException.invalid(
                        "organisation",
                        MessageCode.OIDC_NO_PROVIDER,
                        "This organisation has no login service of its own."));
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String browser = Secrets.randomToken(32);
        URI authorization;
        try {
            authorization = client.authorizationUri(provider, redirect, state, nonce, verifier);
        } catch (OidcClient.Unavailable e) {
            log.recordLogin(
                    refusalEvent(provider, OidcRefusal.PROVIDER_UNAVAILABLE, e.getMessage()),
                    null,
                    null,
                    null,
                    provider.organisationId());
            throw new ProblemException(
                    503,
                    "Service Unavailable",
                    MessageCode.OIDC_PROVIDER_UNAVAILABLE,
                    "The organisation's login service cannot be reached.");
        }
        em.createNativeQuery(
                        "INSERT INTO oidc_login (state_hash, browser_hash, organisation_id, nonce, code_verifier, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Secrets.sha256(state.getValue()))
                .setParameter(2, Secrets.sha256(browser))
                .setParameter(3, provider.organisationId())
                .setParameter(4, nonce.getValue())
                .setParameter(5, verifier.getValue())
                .setParameter(6, Timestamp.from(clock.instant()))
                .executeUpdate();
        return new Started(authorization, browser);
    }

    /** The provider's answer: a session, or the refusal (already logged). */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Finished finish(String code, String state, String error, String browser, URI redirect) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return refuse(null, null, OidcRefusal.STATE_INVALID, "no state");
        }
        String stateHash = Secrets.sha256(state);
        List<?> rows = em.createNativeQuery(
                        "SELECT organisation_id, browser_hash, nonce, code_verifier, created_at, used_at "
                                + "FROM oidc_login WHERE state_hash = ?1 FOR UPDATE")
                .setParameter(1, stateHash)
                .getResultList();
        if (rows.isEmpty()) {
            return refuse(null, null, OidcRefusal.STATE_INVALID, "unknown state");
        }
        Object[] row = (Object[]) rows.get(0);
        OidcProvider provider = em.find(OidcProvider.class, ((Number) row[0]).longValue());
        if (row[5] != null) {
            return refuse(provider, null, OidcRefusal.STATE_REPLAYED, null);
        }
        em.createNativeQuery("UPDATE oidc_login SET used_at = ?1 WHERE state_hash = ?2")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, stateHash)
                .executeUpdate();
        Instant created = ((Timestamp) row[4]).toInstant();
        if (browser == null || !Secrets.constantTimeEquals(Secrets.sha256(browser), (String) row[1])) {
            return refuse(provider, null, OidcRefusal.STATE_INVALID, "started in another browser");
        }
        if (!clock.instant().isBefore(created.plus(LOGIN_WINDOW))) {
            return refuse(provider, null, OidcRefusal.STATE_INVALID, "login window passed");
        }
        if (provider == null || !provider.enabled()) {
            return refuse(provider, null, OidcRefusal.PROVIDER_UNAVAILABLE, "provider removed or disabled");
        }
        if (error != null) {
            return refuse(provider, null, OidcRefusal.PROVIDER_ERROR, "authorization endpoint: " + printable(error));
        }
        if (code == null || code.isBlank()) {
            return refuse(provider, null, OidcRefusal.PROVIDER_ERROR, "no code");
        }
        Optional<String> secret = secret(provider.clientSecretName());
        if (secret.isEmpty()) {
            return refuse(provider, null, OidcRefusal.PROVIDER_UNAVAILABLE, "client secret not configured");
        }
        OidcClient.Verified verified;
        try {
            verified = client.exchange(
                    provider,
                    new Secret(secret.get()),
                    redirect,
                    code,
                    new CodeVerifier((String) row[3]),
                    new Nonce((String) row[2]));
        } catch (OidcClient.Unavailable e) {
            return refuse(provider, null, OidcRefusal.PROVIDER_UNAVAILABLE, e.getMessage());
        }
        if (verified.refusal() != null) {
            return refuse(provider, null, verified.refusal(), verified.detail());
        }
        return admit(provider, verified);
    }

    private Finished admit(OidcProvider provider, OidcClient.Verified verified) {
        OidcProvider.Settings settings = provider.settings();
        OidcMapping.Result mapped = OidcMapping.map(settings, verified.claims());
        if (mapped.refusal() != null) {
            return refuse(provider, null, mapped.refusal(), null);
        }
        boolean providerMfa = mapped.providerMfa() && settings.secondFactor() != SecondFactorPolicy.TOTP;
        if (!providerMfa && settings.secondFactor() == SecondFactorPolicy.PROVIDER) {
            // Before any account is made or linked: a refused login leaves nothing behind.
            return refuse(provider, null, OidcRefusal.MFA_REQUIRED, null);
        }
        Organisation organisation = em.find(Organisation.class, provider.organisationId());
        String subject = (String) verified.claims().get("sub");
        String identity = Secrets.sha256(provider.issuer() + "\n" + subject);
        Optional<UserAccount> linked = linkedUser(identity);
        if (linked.isPresent() && !linked.get().organisation().id().equals(organisation.id())) {
            // The provider's account belongs to another organisation's Ketenzicht user: never move it.
            return refuse(
                    provider,
                    linked.get(),
                    OidcRefusal.NOT_MEMBER,
                    "identity linked to organisation "
                            + linked.get().organisation().id());
        }
        UserAccount user = linked.orElse(null);
        if (user == null) {
            String username = username(verified);
            Optional<UserAccount> registered = username == null ? Optional.empty() : users.byUsername(username);
            if (registered.isPresent()
                    && registered.get().organisation().id().equals(organisation.id())
                    && !hasIdentity(registered.get())) {
                user = registered.get();
            } else if (registered.isEmpty() && username != null && settings.justInTime()) {
                user = new UserAccount(
                        username, NO_PASSWORD, mapped.role(), organisation, organisation.policeUnit(), clock.instant());
                em.persist(user);
                em.flush();
            } else {
                return refuse(
                        provider,
                        registered.orElse(null),
                        OidcRefusal.NOT_REGISTERED,
                        registered.isPresent() ? "username belongs to another account" : null);
            }
            em.createNativeQuery(
                            "INSERT INTO oidc_identity (user_id, identity_hash, issuer, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, user.id())
                    .setParameter(2, identity)
                    .setParameter(3, provider.issuer())
                    .setParameter(4, Timestamp.from(clock.instant()))
                    .executeUpdate();
        }
        if (!user.enabled()) {
            return refuse(provider, user, OidcRefusal.USER_DISABLED, null);
        }
        if (user.role() != mapped.role()) {
            // The mapping decides, at every login: a role taken away at the provider is gone here too.
            user.assignRole(mapped.role(), user.policeUnit() != null ? user.policeUnit() : organisation.policeUnit());
        }
        if (providerMfa) {
            Sessions.Started started = sessions.startFromProvider(
                    user.id(), UserSession.Stage.AUTHENTICATED, organisation.id(), verified.idToken());
            log.recordLogin(
                    new AccessEvent(
                            AccessEvent.Action.LOGIN,
                            "session",
                            List.of(),
                            List.of(),
                            AccessEvent.Outcome.SUCCESS,
                            "oidc " + provider.issuer() + ", provider MFA",
                            false),
                    user.id(),
                    user.username(),
                    user.role().name(),
                    organisation.id());
            return new Finished(started, null, null);
        }
        Sessions.Started pending = sessions.startFromProvider(
                user.id(), UserSession.Stage.PASSWORD_OK, organisation.id(), verified.idToken());
        return new Finished(pending, user.totpConfirmed() ? "TOTP" : "ENROL", null);
    }

    private Optional<UserAccount> linkedUser(String identityHash) {
        List<?> ids = em.createNativeQuery("SELECT user_id FROM oidc_identity WHERE identity_hash = ?1")
                .setParameter(1, identityHash)
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : users.find(((Number) ids.get(0)).longValue());
    }

    private boolean hasIdentity(UserAccount user) {
        return !em.createNativeQuery("SELECT 1 FROM oidc_identity WHERE user_id = ?1")
                .setParameter(1, user.id())
                .getResultList()
                .isEmpty();
    }

    /** The provider's user name, as a Ketenzicht user name if it is one (same rules as administrators' user names). */
    private static String username(OidcClient.Verified verified) {
        Object name = verified.claims().get("preferred_username");
        return name instanceof String n && n.matches("[a-zA-Z0-9._@-]{3,80}") ? n : null;
    }

    Optional<String> secret(String name) {
        return config.getOptionalValue("ketenzicht.oidc.client-secret." + name, String.class)
                .filter(s -> !s.isBlank());
    }

    private Finished refuse(OidcProvider provider, UserAccount user, OidcRefusal why, String detail) {
        log.recordLogin(
                refusalEvent(provider, why, detail),
                user == null ? null : user.id(),
                user == null ? null : user.username(),
                null,
                provider == null ? null : provider.organisationId());
        return new Finished(null, null, why);
    }

    private static AccessEvent refusalEvent(OidcProvider provider, OidcRefusal why, String detail) {
        String purpose = "oidc " + (provider == null ? "(unknown provider)" : provider.issuer()) + ": " + why.reason()
                + (detail == null || detail.equals(why.reason()) ? "" : " (" + detail + ")");
        return new AccessEvent(
                AccessEvent.Action.LOGIN_FAILED,
                "session",
                List.of(),
                List.of(),
                AccessEvent.Outcome.DENIED,
                purpose.length() > 400 ? purpose.substring(0, 400) : purpose,
                false);
    }

    private static String printable(String s) {
        String v = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return v.length() > 60 ? v.substring(0, 60) : v;
    }

    public record Started(URI authorization, String browserBinding) {}

    /** A session ({@code next} null when complete, else TOTP or ENROL), or a refusal. */
    public record Finished(Sessions.Started session, String next, OidcRefusal refusal) {}
}
