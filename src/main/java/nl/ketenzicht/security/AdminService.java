package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

import java.time.Clock;
import java.util.List;

/** Organisations, users and API tokens. Every change is in the access log. */
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
    AccessLog log;
    @Inject
    ReferenceData reference;
    @Inject
    Clock clock;
    @Inject
    Validator validator;

    public Organisation createOrganisation(AdminRequests.CreateOrganisation r) {
        if (users.organisationByCode(r.code()).isPresent()) {
            throw ProblemException.invalid("code", MessageCode.ORGANISATION_CODE_TAKEN, "An organisation with this code exists already.");
        }
        checkPoliceUnit(r.policeUnit());
        Organisation o = new Organisation(r.code(), r.name(), r.type(), r.policeUnit(), clock.instant());
        em.persist(o);
        em.flush();
        audit("organisation", o.id());
        return o;
    }

    public Organisation updateOrganisation(Long id, long expectedVersion, AdminRequests.UpdateOrganisation r) {
        Organisation o = users.organisation(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
        nl.ketenzicht.shared.Versions.check(o.version(), expectedVersion);
        checkPoliceUnit(r.policeUnit());
        o.rename(r.name(), r.type(), r.policeUnit());
        if (r.enabled()) {
            o.enable();
        } else {
            o.disable();
        }
        em.flush();
        tokensChanged.fire(new ApiTokens.Changed());
        audit("organisation", id);
        return o;
    }

    /** Every fault of the form in one answer: its constraints, a taken username, an unknown organisation or unit. */
    public UserAccount createUser(AdminRequests.CreateUser r) {
        new Checks(clock).valid(validator, r)
                .requireIfValid(List.of("username"), () -> users.byUsername(r.username()).isEmpty(),
                        "username", MessageCode.USERNAME_TAKEN, "This username is taken.")
                .requireIfValid(List.of("organisationId"), () -> users.organisation(r.organisationId()).isPresent(),
                        "organisationId", MessageCode.UNKNOWN_ORGANISATION, "No such organisation.")
                .requireIfValid(List.of("policeUnit"), () -> r.policeUnit() == null || reference.policeUnitExists(r.policeUnit()),
                        "policeUnit", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit code: use one of the reference list.")
                .throwIfAny();
        Organisation org = users.organisation(r.organisationId()).orElseThrow();
        UserAccount u = new UserAccount(r.username(), passwords.hash(r.password()), r.role(), org, r.policeUnit(), clock.instant());
        em.persist(u);
        em.flush();
        audit("user", u.id());
        return u;
    }

    public UserAccount updateUser(Long id, long expectedVersion, AdminRequests.UpdateUser r) {
        UserAccount u = users.find(id).orElseThrow(() -> ProblemException.notFound("User " + id));
        nl.ketenzicht.shared.Versions.check(u.version(), expectedVersion);
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
        audit("user", id);
        return u;
    }

    public ApiTokens.Issued issueToken(AdminRequests.CreateToken r, Caller admin) {
        users.organisation(r.organisationId()).orElseThrow(() -> ProblemException.invalid("organisationId", MessageCode.UNKNOWN_ORGANISATION, "No such organisation."));
        ApiTokens.Issued issued = tokens.issue(r.organisationId(), r.name(), admin.userId());
        audit("api-token", issued.token().id());
        return issued;
    }

    public ApiToken revokeToken(Long id) {
        ApiToken t = tokens.revoke(id).orElseThrow(() -> ProblemException.notFound("Token " + id));
        audit("api-token", id);
        return t;
    }

    public List<ApiToken> tokens() {
        return tokens.list();
    }

    private void checkPoliceUnit(String code) {
        if (code != null && !reference.policeUnitExists(code)) {
            throw ProblemException.invalid("policeUnit", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit code: use one of the reference list.");
        }
    }

    private void audit(String type, Long id) {
        log.record(AccessEvent.of(AccessEvent.Action.ADMIN_CHANGE, type, id, List.of()));
    }
}
