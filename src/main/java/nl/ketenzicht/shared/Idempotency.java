package nl.ketenzicht.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Creation with an {@code Idempotency-Key}: the first answer is stored in the same transaction as the
 * record it created, keyed by caller and key. A retry gets that answer again; a concurrent duplicate
 * waits on the key's row lock, fails on the unique key, rolls back, and then also gets the stored
 * answer. The same key with a different body is refused with 422.
 */
@ApplicationScoped
public class Idempotency {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    /** A key as sent by one caller for one request body; null when the client sent no key. */
    public record Token(String actor, String key, String requestHash) {}

    public record Created<V>(V view, URI location, long version) {}

    public Token token(String actor, String key, String path, Object request) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 100 || !key.matches("[A-Za-z0-9_.:-]+")) {
            throw ProblemException.invalid(
                    "Idempotency-Key",
                    MessageCode.IDEMPOTENCY_KEY_FORMAT,
                    "Use up to 100 letters, digits and . _ : - characters.");
        }
        try {
            String canonical = path + "\n" + JsonConfig.MAPPER.writeValueAsString(request);
            return new Token(actor, key, Sha256.hex(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the creation unless a first answer exists; replays that answer otherwise. */
    public <V> Response create(Token token, Function<Token, Created<V>> creation) {
        if (token != null) {
            Optional<Response> earlier = replay(token);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            Created<V> created = creation.apply(token);
            return Response.created(created.location())
                    .tag(Versions.etag(created.version()))
                    .entity(created.view())
                    .build();
        } catch (DuplicateKey e) {
            return replay(token)
                    .orElseThrow(() -> ProblemException.conflict(
                            MessageCode.IDEMPOTENCY_KEY_IN_USE,
                            "The same Idempotency-Key is in use by a request that failed; retry."));
        }
    }

    /** Stores the answer in the creating transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(Token token, Created<?> created) {
        if (token == null) {
            return;
        }
        try {
            em.createNativeQuery(
                            "INSERT INTO idempotency_key (actor, idem_key, request_hash, status, location, etag, body, created_at) "
                                    + "VALUES (?1, ?2, ?3, 201, ?4, ?5, ?6, ?7)")
                    .setParameter(1, token.actor())
                    .setParameter(2, token.key())
                    .setParameter(3, token.requestHash())
                    .setParameter(4, created.location().toString())
                    .setParameter(5, String.valueOf(created.version()))
                    .setParameter(6, JsonConfig.MAPPER.writeValueAsString(created.view()))
                    .setParameter(7, Timestamp.from(clock.instant()))
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw new DuplicateKey();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets the stored first answers of the creations of the given resources (paths below
     * {@code /api/}, e.g. {@code cases/7}): they hold their content, which goes with them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetCreations(List<String> paths) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < paths.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        jakarta.persistence.Query q = em.createNativeQuery(
                "DELETE FROM idempotency_key WHERE SUBSTRING_INDEX(location, '/api/', -1) IN (" + in + ")");
        for (int i = 0; i < paths.size(); i++) {
            q.setParameter(i + 1, paths.get(i));
        }
        q.executeUpdate();
    }

    private Optional<Response> replay(Token token) {
        List<?> rows = em.createNativeQuery("SELECT request_hash, status, location, etag, body FROM idempotency_key "
                        + "WHERE actor = ?1 AND idem_key = ?2")
                .setParameter(1, token.actor())
                .setParameter(2, token.key())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!token.requestHash().equals(row[0])) {
            throw new ProblemException(
                    422,
                    "Unprocessable content",
                    MessageCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used before with a different request. Use a new key for a new request.");
        }
        return Optional.of(Response.status(((Number) row[1]).intValue())
                .location(URI.create((String) row[2]))
                .tag(Versions.etag(Long.parseLong((String) row[3])))
                .header("Idempotent-Replayed", "true")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(row[4])
                .build());
    }

    /** Another request with the same key committed first. */
    public static final class DuplicateKey extends RuntimeException {
        DuplicateKey() {
            super(null, null, false, false);
        }
    }
}
