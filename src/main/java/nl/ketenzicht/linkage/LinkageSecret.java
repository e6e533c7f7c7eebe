package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's linkage secret ({@code KETENZICHT_LINKAGE_SECRET}), read from configuration and
 * held in memory only. Without it no registration can be keyed, so registering answers 503 rather
 * than storing keys that could not be linked to the rest.
 */
@ApplicationScoped
public class LinkageSecret {

    @Inject
    @ConfigProperty(name = "ketenzicht.linkage.secret")
    Optional<String> secret;

    private volatile Keyer keyer;

    public LinkageKeys keysOf(Identity identity) {
        return keyer().keysOf(identity);
    }

    private Keyer keyer() {
        Keyer k = keyer;
        if (k == null) {
            String s = secret.filter(v -> v.length() >= Keyer.MIN_SECRET_LENGTH)
                    .orElseThrow(() -> new ProblemException(
                            503,
                            "Service unavailable",
                            MessageCode.UNAVAILABLE_LINKAGE,
                            "Registration is not configured on this server (linkage secret missing or too short)."));
            k = new Keyer(s);
            keyer = k;
        }
        return k;
    }
}
