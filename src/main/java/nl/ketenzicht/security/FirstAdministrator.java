package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.DatabaseMigrator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start there is nobody to create users, so one administrator is created from
 * configuration, or with a generated password that is logged exactly once.
 */
@ApplicationScoped
public class FirstAdministrator {

    static final String ORGANISATION_CODE = "KZ-BEHEER";
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "ketenzicht.admin.password")
    Optional<String> password;

    @Transactional
    void create(@Observes DatabaseMigrator.SchemaReady ready) {
        if (users.anyAdmin()) {
            return;
        }
        Organisation org = users.organisationByCode(ORGANISATION_CODE).orElseGet(() -> {
            Organisation o = new Organisation(
                    ORGANISATION_CODE,
                    "Ketenzicht functioneel beheer",
                    OrganisationType.NATIONAL,
                    null,
                    clock.instant());
            em.persist(o);
            return o;
        });
        String pw = password.filter(p -> p.length() >= Passwords.MIN_LENGTH).orElseGet(() -> Secrets.randomToken(15));
        em.persist(new UserAccount(username, passwords.hash(pw), Role.ADMIN, org, null, clock.instant()));
        if (password.isEmpty()) {
            LOG.warning("FIRST ADMINISTRATOR created: username '" + username + "', password '" + pw
                    + "'. It is shown only this once; log in, set up the second factor and change it.");
        } else {
            LOG.info("First administrator '" + username + "' created from configuration.");
        }
    }
}
