package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Organisations, users and API tokens. Every change is in the access log with its state before and
 * after; nobody administers their own account or organisation, and a token needs two administrators.
 */
@ApplicationScoped
@Transactional
public class AdminService {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Inject
    ApiTokens tokens;

    @Inject
    Event<ApiTokens.Changed> tokensChanged;

    @Inject
    AdminAudit audit;

    @Inject
    ReferenceData reference;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    public Organisation createOrganisation(AdminRequests.CreateOrganisation r) {
        if (users.organisationByCode(r.code()).isPresent()) {
            throw ProblemException.invalid(
                    "code", MessageCode.ORGANISATION_CODE_TAKEN, "An organisation with this code exists already.");
        }
        checkPoliceUnit(r.policeUnit());
        Organisation o = new Organisation(r.code(), r.name(), r.type(), r.policeUnit(), clock.instant());
        em.persist(o);
        em.flush();
        audit.changed("organisation", o.id(), null, AdminAudit.of(o));
        return o;
    }

    public Organisation updateOrganisation(
            Long id, long expectedVersion, AdminRequests.UpdateOrganisation r, Caller admin) {
        Organisation o = users.organisation(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
        if (id == admin.organisationId()) {
            throw audit.refuseSelf(admin, "organisation", id, "change their own organisation");
        }
        nl.ketenzicht.shared.Versions.check(o.version(), expectedVersion);
        var before = AdminAudit.of(o);
        checkPoliceUnit(r.policeUnit());
        o.rename(r.name(), r.type(), r.policeUnit());
        if (r.enabled()) {
            o.enable();
        } else {
            o.disable();
        }
        em.flush();
        tokensChanged.fire(new ApiTokens.Changed());
        audit.changed("organisation", id, before, AdminAudit.of(o));
        return o;
    }

    /** Every fault of the form in one answer: its constraints, a taken username, an unknown organisation or unit. */
    public UserAccount createUser(AdminRequests.CreateUser r) {
        new Checks(clock)
                .valid(validator, r)
                .requireIfValid(
                        List.of("username"),
                        () -> users.byUsername(r.username()).isEmpty(),
                        "username",
                        MessageCode.USERNAME_TAKEN,
                        "This username is taken.")
                .requireIfValid(
                        List.of("organisationId"),
                        () -> users.organisation(r.organisationId()).isPresent(),
                        "organisationId",
                        MessageCode.UNKNOWN_ORGANISATION,
                        "No such organisation.")
                .requireIfValid(
                        List.of("policeUnit"),
                        () -> r.policeUnit() == null || reference.policeUnitExists(r.policeUnit()),
                        "policeUnit",
                        MessageCode.UNKNOWN_POLICE_UNIT,
                        "Unknown police unit code: use one of the reference list.")
                .throwIfAny();
        Organisation org = users.organisation(r.organisationId()).orElseThrow();
        UserAccount u = new UserAccount(
                r.username(), passwords.hash(r.password()), r.role(), org, r.policeUnit(), clock.instant());
        em.persist(u);
        em.flush();
        audit.changed("user", u.id(), null, AdminAudit.of(u));
        return u;
    }

    /** Another administrator's account only: changing one's own role is how an administrator would reach case records. */
    public UserAccount updateUser(Long id, long expectedVersion, AdminRequests.UpdateUser r, Caller admin) {
        UserAccount u = users.find(id).orElseThrow(() -> ProblemException.notFound("User " + id));
        if (id.equals(admin.userId())) {
            throw audit.refuseSelf(
                    admin, "user", id, "change their own account (role " + u.role() + " to " + r.role() + ")");
        }
        nl.ketenzicht.shared.Versions.check(u.version(), expectedVersion);
        var before = AdminAudit.of(u);
        checkPoliceUnit(r.policeUnit());
        u.assignRole(r.role(), r.policeUnit());
        if (Boolean.TRUE.equals(r.resetSecondFactor())) {
            // A reset second factor may be a stolen one: no session opened with it lives on.
            u.resetTotp();
            sessions.endAllOf(id);
        }
        if (r.enabled()) {
            u.enable();
        } else {
            u.disable();
            sessions.endAllOf(id);
        }
        em.flush();
        audit.changed("user", id, before, AdminAudit.of(u));
        return u;
    }

    /** First of two administrators: registers the hash of the partner's own secret; the token waits for approval. */
    public ApiToken requestToken(AdminRequests.CreateToken r, Caller admin) {
        users.organisation(r.organisationId())
                .orElseThrow(() -> ProblemException.invalid(
                        "organisationId", MessageCode.UNKNOWN_ORGANISATION, "No such organisation."));
        if (tokens.hashInUse(r.secretHash())) {
            throw ProblemException.invalid(
                    "secretHash",
                    MessageCode.TOKEN_HASH_IN_USE,
                    "This secret is registered already: the partner makes a new one.");
        }
        ApiToken t = tokens.request(r.organisationId(), r.name(), r.secretHash(), admin.userId());
        audit.changed("api-token", t.id(), null, AdminAudit.of(t));
        return t;
    }

    /** Second administrator: never the one who requested the token. */
    public ApiToken approveToken(Long id, Caller admin) {
        ApiToken t = tokens.find(id).orElseThrow(() -> ProblemException.notFound("Token " + id));
        if (t.createdBy().equals(admin.userId())) {
            throw audit.refuseSelf(admin, "api-token", id, "approve the token they requested");
        }
        if (t.status() != ApiToken.Status.PENDING) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    MessageCode.TOKEN_NOT_PENDING,
                    "Only a token waiting for approval can be approved.");
        }
        var before = AdminAudit.of(t);
        t.approve(admin.userId(), clock.instant());
        em.flush();
        audit.changed("api-token", id, before, AdminAudit.of(t));
        return t;
    }

    public ApiToken revokeToken(Long id) {
        ApiToken t = tokens.find(id).orElseThrow(() -> ProblemException.notFound("Token " + id));
        var before = AdminAudit.of(t);
        tokens.revoke(id);
        audit.changed("api-token", id, before, AdminAudit.of(t));
        return t;
    }

    public List<ApiToken> tokens() {
        return tokens.list();
    }

    private void checkPoliceUnit(String code) {
        if (code != null && !reference.policeUnitExists(code)) {
            throw ProblemException.invalid(
                    "policeUnit",
                    MessageCode.UNKNOWN_POLICE_UNIT,
                    "Unknown police unit code: use one of the reference list.");
        }
    }
}
