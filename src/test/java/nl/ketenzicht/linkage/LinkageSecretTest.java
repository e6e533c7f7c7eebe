package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Optional;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.shared.problem.ProblemException;
import nl.ketenzicht.shared.problem.ProblemExceptionMapper;
import nl.ketenzicht.shared.problem.ServiceUnavailable;
import org.junit.jupiter.api.Test;

/**
 * A secret shorter than the minimum (the demo launcher once generated 24 characters) refuses every
 * registration with 503; that is a configuration error, which waiting does not cure, so the answer
 * promises no retry. An outage of the database does.
 */
class LinkageSecretTest {

    private static final Identity SOMEONE = new Identity("Anna", "de Vries", LocalDate.of(2008, 4, 1), Gender.FEMALE);

    @Test
    void aShortSecretRefusesWithoutPromisingARetry() {
        LinkageSecret secret = new LinkageSecret();
        secret.secret = Optional.of("abcdefghijklmnopqrstuvwx");
        ProblemException refused = assertThrows(ProblemException.class, () -> secret.keysOf(SOMEONE));
        Response response = new ProblemExceptionMapper().toResponse(refused);
        assertEquals(503, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"), "a configuration error promises no retry");

        assertNotNull(
                new ProblemExceptionMapper()
                        .toResponse(ServiceUnavailable.database())
                        .getHeaderString("Retry-After"),
                "a database outage does");
    }

    @Test
    void aSecretOfTheMinimumLengthKeys() {
        LinkageSecret secret = new LinkageSecret();
        secret.secret = Optional.of("x".repeat(Keyer.MIN_SECRET_LENGTH));
        assertEquals(
                new Keyer("x".repeat(Keyer.MIN_SECRET_LENGTH)).keysOf(SOMEONE).full(),
                secret.keysOf(SOMEONE).full());
    }
}
