package nl.ketenzicht.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A login session, known by the hash of its cookie. A PASSWORD_OK session may only complete the
 * second factor; AUTHENTICATED reaches the API. Ends on logout, idle timeout or absolute timeout.
 */
@Entity
@Table(name = "user_session")
public class UserSession {

    /** How long a half-finished login may wait for its code. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    @Id
    @Column(name = "id_hash")
    private String idHash;
    @Column(name = "user_id")
    private Long userId;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Column(name = "csrf_token")
    private String csrfToken;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected UserSession() {
    }

    UserSession(String idHash, Long userId, Stage stage, Instant now) {
        this.idHash = idHash;
        this.userId = userId;
        this.stage = stage;
        this.csrfToken = Secrets.randomToken(32);
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    boolean isLive(Instant now, Duration idle, Duration absolute) {
        if (endedAt != null) {
            return false;
        }
        Duration maxAge = stage == Stage.PASSWORD_OK ? PENDING_LIFETIME : absolute;
        return now.isBefore(lastSeenAt.plus(idle)) && now.isBefore(createdAt.plus(maxAge));
    }

    /** Records activity; written at most every 30 s so that reads do not all become writes. */
    boolean touch(Instant now) {
        if (Duration.between(lastSeenAt, now).getSeconds() < 30) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    String idHash() { return idHash; }
    Long userId() { return userId; }
    Stage stage() { return stage; }
    String csrfToken() { return csrfToken; }

    enum Stage { PASSWORD_OK, AUTHENTICATED }
}
