package nl.ketenzicht.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A partner system's credential: scoped to one organisation, stored as a hash, revocable. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "organisation_id")
    private Long organisationId;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private Long createdBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Long organisationId, String name, String tokenHash, Long createdBy, Instant createdAt) {
        this.organisationId = Objects.requireNonNull(organisationId);
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    Long id() { return id; }
    Long organisationId() { return organisationId; }
    String name() { return name; }
    Instant createdAt() { return createdAt; }
    Instant revokedAt() { return revokedAt; }
}
