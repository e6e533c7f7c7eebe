package nl.ketenzicht.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s) through a maintained library. Verification returns the
 * matching time step so the caller can refuse a step that was used before.
 */
@ApplicationScoped
public class Totp {

    static final int PERIOD_SECONDS = 30;
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    @Inject
    Clock clock;

    String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** Accepts the current step and one step either side, for clock drift. */
    OptionalLong verify(String secret, String code) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (Secrets.constantTimeEquals(codeAt(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP generation failed", e);
        }
    }

    String qrDataUri(String secret, String username) {
        QrData data = new QrData.Builder()
                .label(username)
                .secret(secret)
                .issuer("Ketenzicht")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build();
        try {
            var qr = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR generation failed", e);
        }
    }

    String otpauthUri(String secret, String username) {
        return new QrData.Builder()
                .label(username)
                .secret(secret)
                .issuer("Ketenzicht")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    List<String> recoveryCodes() {
        return List.of(new RecoveryCodeGenerator().generateCodes(10));
    }
}
