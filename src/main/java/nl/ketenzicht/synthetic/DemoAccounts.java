package nl.ketenzicht.synthetic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.security.Organisation;
import nl.ketenzicht.security.Passwords;
import nl.ketenzicht.security.Secrets;
import nl.ketenzicht.security.UserAccount;
import nl.ketenzicht.security.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's organisations and one user per role, created once. The users enrol their second
 * factor at first login, like everyone else. All share one password, from configuration or
 * generated; it is hashed once for all of them, which keeps the demo start-up short (each hash
 * costs 210,000 PBKDF2 iterations) and gives nothing away that the shared password does not.
 */
@ApplicationScoped
class DemoAccounts {

    /** Username, role, organisation code, what the login is for. */
    static final List<String[]> USERS = List.of(
            new String[] {"politie.demo", "CASEWORKER", "DEMO-POLITIE", "case worker, police"},
            new String[] {"zorg.demo", "CASEWORKER", "DEMO-ZORG", "case worker, care partner"},
            new String[] {"coordinator.demo", "COORDINATOR", "DEMO-PROGRAMMA", "coordinator"},
            new String[] {"auditor.demo", "AUDITOR", "DEMO-POLITIE", "auditor"},
            new String[] {"beheer.demo", "ADMIN", "DEMO-PROGRAMMA", "administrator"});

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.demo.password")
    Optional<String> configuredPassword;

    /** Creates what is missing; returns the log line naming the logins (with a generated password only when new). */
    @Transactional
    public String ensure(List<SyntheticOrganisation> organisations) {
        Map<String, Organisation> byCode = new HashMap<>();
        for (SyntheticOrganisation o : organisations) {
            byCode.put(o.code(), users.organisationByCode(o.code()).orElseGet(() -> {
                Organisation created = new Organisation(o.code(), o.name(), o.type(), o.policeUnit(), clock.instant());
                em.persist(created);
                return created;
            }));
        }
        String password = configuredPassword.filter(p -> p.length() >= 12).orElseGet(() -> Secrets.randomToken(12));
        String hash = null;
        StringBuilder logins = new StringBuilder();
        for (String[] u : USERS) {
            logins.append(logins.length() == 0 ? "" : ", ")
                    .append(u[0])
                    .append(" (")
                    .append(u[3])
                    .append(')');
            if (users.byUsername(u[0]).isPresent()) {
                continue;
            }
            hash = hash != null ? hash : passwords.hash(password);
            em.persist(new UserAccount(u[0], hash, Role.valueOf(u[1]), byCode.get(u[2]), null, clock.instant()));
        }
        String secret = hash == null
                ? "as set when they were created"
                : configuredPassword.isPresent() && configuredPassword.get().equals(password)
                        ? "from ketenzicht.demo.password"
                        : "'" + password + "' (generated, shown only this once)";
        return "DEMO LOGINS: " + logins + "; password " + secret
                + " for all of them. Each sets up the second factor (QR code) at first login.";
    }
}
