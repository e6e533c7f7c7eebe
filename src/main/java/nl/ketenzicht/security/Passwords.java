package nl.ketenzicht.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** PBKDF2-SHA512 through Jakarta Security. A dummy verification keeps unknown users as slow as known ones. */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "ketenzicht.password.iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummy = hash.generate("not-a-password-of-anyone".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        if (storedHash == null || storedHash.startsWith("!")) {
            // An account without a password (provisioned by an OpenID provider): same time, never a match.
            verifyDummy(password);
            return false;
        }
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real verification, for a user that does not exist. */
    public void verifyDummy(String password) {
        hash.verify(password.toCharArray(), dummy);
    }

    public static void checkStrength(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw nl.ketenzicht.shared.problem.ProblemException.invalid(
                    "password",
                    nl.ketenzicht.shared.problem.MessageCode.PASSWORD_TOO_SHORT,
                    java.util.Map.of("min", MIN_LENGTH),
                    "A password needs at least " + MIN_LENGTH + " characters.");
        }
    }
}
