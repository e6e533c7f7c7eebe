package nl.ketenzicht.linkage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes linkage keys: HMAC-SHA-256 with the deployment secret over the normalised identifying
 * data. Without the secret nobody can recompute a key from a guessed name and birth date, so the
 * keys in the database do not identify anyone to whoever reads it.
 */
public final class Keyer {

    /** Shorter secrets are too easy to guess; 32 characters is a 256-bit key for HMAC-SHA-256 in practice. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    public Keyer(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the linkage secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public LinkageKeys keysOf(Identity identity) {
        String first = Names.firstName(identity.firstName());
        String family = Names.familyName(identity.familyName());
        String gender = identity.gender().name();
        return new LinkageKeys(
                hmac(KeyVariant.FULL.message(first, family, identity.birthDate(), gender)),
                hmac(KeyVariant.NO_FIRST_NAME.message(first, family, identity.birthDate(), gender)),
                hmac(KeyVariant.NO_FAMILY_NAME.message(first, family, identity.birthDate(), gender)),
                hmac(KeyVariant.BIRTH_YEAR.message(first, family, identity.birthDate(), gender)));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe; creating one is cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
