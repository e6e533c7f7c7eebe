package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Administration of an organisation's OpenID provider: read, set (create or replace, with If-Match
 * once it exists) and remove, each change in the access log with its state before and after. The
 * checks refuse a configuration that could not work or would let a claim decide too much: an issuer
 * that is not https (http only on the loopback address, for tests), no membership rule, a role
 * claim without mapping or beside a fixed role, a client secret that the configuration lacks.
 */
@ApplicationScoped
public class OidcProviders {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AdminAudit audit;

    @Inject
    OidcLogin login;

    @Inject
    OidcClient client;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public OidcProvider get(long organisationId) {
        OidcProvider p = em.find(OidcProvider.class, organisationId);
        if (p == null) {
            throw ProblemException.notFound("OpenID provider of organisation " + organisationId);
        }
        return p;
    }

    @Transactional
    public OidcProvider set(long organisationId, String ifMatch, OidcRequests.ProviderRequest body, Caller admin) {
        Organisation organisation = users.organisation(organisationId)
                .orElseThrow(() -> ProblemException.notFound("organisation " + organisationId));
        if (organisation.id() == admin.organisationId()) {
            throw audit.refuseSelf(
                    admin, "oidc-provider", organisationId, "change the login of their own organisation");
        }
        check(body);
        OidcProvider.Settings settings = body.settings();
        OidcProvider existing = em.find(OidcProvider.class, organisationId);
        if (existing == null) {
            OidcProvider created = new OidcProvider(organisationId, settings, clock.instant());
            em.persist(created);
            em.flush();
            audit.changed("oidc-provider", organisationId, null, summary(created));
            return created;
        }
        // Creating needs no version; replacing needs the one read, like every other change.
        nl.ketenzicht.shared.Versions.check(existing.version(), nl.ketenzicht.shared.Versions.fromIfMatch(ifMatch));
        Map<String, Object> before = summary(existing);
        client.forget(existing);
        existing.configure(settings, clock.instant());
        em.flush();
        audit.changed("oidc-provider", organisationId, before, summary(existing));
        return existing;
    }

    @Transactional
    public void remove(long organisationId, String ifMatch, Caller admin) {
        OidcProvider existing = get(organisationId);
        if (organisationId == admin.organisationId()) {
            throw audit.refuseSelf(
                    admin, "oidc-provider", organisationId, "remove the login of their own organisation");
        }
        nl.ketenzicht.shared.Versions.check(existing.version(), nl.ketenzicht.shared.Versions.fromIfMatch(ifMatch));
        audit.changed("oidc-provider", organisationId, summary(existing), null);
        client.forget(existing);
        em.remove(existing);
    }

    public boolean secretConfigured(OidcProvider p) {
        return login.secret(p.clientSecretName()).isPresent();
    }

    private void check(OidcRequests.ProviderRequest b) {
        Checks checks = new Checks(clock).valid(validator, b);
        checks.requireIfValid(
                java.util.List.of("issuer"),
                () -> issuerAllowed(b.issuer()),
                "issuer",
                MessageCode.OIDC_ISSUER_URL,
                "The issuer must be an https address (http only on the loopback address).");
        boolean claimGiven = notBlank(b.organisationClaim());
        checks.require(
                claimGiven == notBlank(b.organisationClaimValue()),
                "organisationClaimValue",
                MessageCode.OIDC_CLAIM_PAIR,
                "Give the organisation claim and its value together.");
        checks.require(
                (b.emailDomains() != null && !b.emailDomains().isEmpty()) || claimGiven,
                "emailDomains",
                MessageCode.OIDC_MEMBERSHIP,
                "Name the allowed e-mail domains or an organisation claim with its value.");
        boolean mapped = notBlank(b.roleClaim())
                && b.roleMapping() != null
                && !b.roleMapping().isEmpty();
        boolean partly = notBlank(b.roleClaim())
                || (b.roleMapping() != null && !b.roleMapping().isEmpty());
        checks.require(
                b.fixedRole() != null ? !partly : mapped,
                "roleMapping",
                MessageCode.OIDC_ROLE_MAPPING,
                "Choose a fixed role or a role claim with at least one value mapped to a role, not both.");
        if (!checks.failed("clientSecretName")
                && login.secret(b.clientSecretName()).isEmpty()) {
            checks.fail(
                    "clientSecretName",
                    MessageCode.OIDC_SECRET_MISSING,
                    Map.of("name", b.clientSecretName()),
                    "No client secret is configured under ketenzicht.oidc.client-secret." + b.clientSecretName() + ".");
        }
        checks.throwIfAny();
    }

    static boolean issuerAllowed(String issuer) {
        try {
            URI u = URI.create(issuer);
            if (u.getHost() == null || u.getQuery() != null || u.getFragment() != null || u.getUserInfo() != null) {
                return false;
            }
            return "https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && LOOPBACK.contains(u.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** For the access log: the configuration without secrets (the secret's name only). */
    private static Map<String, Object> summary(OidcProvider p) {
        OidcProvider.Settings s = p.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", s.issuer());
        m.put("clientId", s.clientId());
        m.put("secretName", s.clientSecretName());
        m.put("emailDomains", s.emailDomains());
        m.put("organisationClaim", s.organisationClaim());
        m.put("roleClaim", s.roleClaim());
        m.put("roles", s.fixedRole() != null ? s.fixedRole() : s.roleMapping().values());
        m.put("justInTime", s.justInTime());
        m.put("secondFactor", s.secondFactor());
        m.put("enabled", s.enabled());
        return m;
    }
}
