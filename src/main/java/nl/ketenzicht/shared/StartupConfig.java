package nl.ketenzicht.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start in production mode when a secret is missing, with one line naming every missing
 * setting and its environment variable. Demo and test modes are marked loudly in the log.
 */
@ApplicationScoped
public class StartupConfig {

    static final List<String> REQUIRED_SECRETS =
            List.of("ketenzicht.db.password", "ketenzicht.db.migration.password", "ketenzicht.linkage.secret");
    private static final Logger LOG = Logger.getLogger(StartupConfig.class.getName());

    @Inject
    Config config;

    public Mode mode() {
        return Mode.valueOf(config.getOptionalValue("ketenzicht.mode", String.class)
                .orElse("production")
                .toUpperCase());
    }

    void verify() {
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED_SECRETS) {
            if (config.getOptionalValue(key, String.class)
                    .filter(v -> !v.isBlank())
                    .isEmpty()) {
                missing.add(key + " (env " + key.toUpperCase().replace('.', '_').replace('-', '_') + ")");
            }
        }
        if (mode() != Mode.PRODUCTION) {
            LOG.warning("KETENZICHT RUNS IN " + mode() + " MODE: synthetic data only, not for real cases.");
        }
        if (!missing.isEmpty()) {
            String line =
                    "MISSING SECRET(S): " + String.join(", ", missing) + ". Set them in the environment and restart.";
            if (mode() == Mode.PRODUCTION) {
                LOG.severe(line);
                throw new IllegalStateException(line);
            }
            LOG.warning(line);
        }
    }

    public enum Mode {
        PRODUCTION,
        DEMO,
        TEST
    }
}
