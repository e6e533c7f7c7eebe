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
    /** The organisation whose OpenID provider opened this session; null for a password login. */
    @Column(name = "oidc_organisation_id")
    private Long oidcOrganisationId;
    /** The provider's ID token, as the hint of RP-initiated logout; dropped when the session ends. */
    @Column(name = "oidc_id_token")
    private String oidcIdToken;

    protected UserSession() {}

    UserSession(String idHash, Long userId, Stage stage, Instant now) {
        this.idHash = idHash;
        this.userId = userId;
        this.stage = stage;
        this.csrfToken = Secrets.randomToken(32);
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    /** A session from a provider login carries the provider and its ID token (also into the session after TOTP). */
    void openedBy(Long organisationId, String idToken) {
        this.oidcOrganisationId = organisationId;
        this.oidcIdToken = idToken;
    }

    /** Whether a session without the provider bound (a password login's) is live. */
    boolean isLive(Instant now, Duration idle, Duration absolute) {
        return isLive(now, idle, absolute, absolute);
    }

    /**
     * {@code oidcLifetime} bounds a provider's session: a user disabled at the provider keeps access at
     * most that long, since the next login goes through the provider again.
     */
    boolean isLive(Instant now, Duration idle, Duration absolute, Duration oidcLifetime) {
        if (endedAt != null) {
            return false;
        }
        Duration full = oidcOrganisationId != null && oidcLifetime.compareTo(absolute) < 0 ? oidcLifetime : absolute;
        Duration maxAge = stage == Stage.PASSWORD_OK ? PENDING_LIFETIME : full;
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
        oidcIdToken = null;
    }

    String idHash() {
        return idHash;
    }

    Long userId() {
        return userId;
    }

    Stage stage() {
        return stage;
    }

    String csrfToken() {
        return csrfToken;
    }

    Long oidcOrganisationId() {
        return oidcOrganisationId;
    }

    String oidcIdToken() {
        return oidcIdToken;
    }

    enum Stage {
        PASSWORD_OK,
        AUTHENTICATED
    }
}
