package nl.ketenzicht.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A partner system's credential: scoped to one organisation, stored as a hash of a secret the partner
 * made, requested by one administrator and approved by another, revocable.
 */
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

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by")
    private Long approvedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(Long organisationId, String name, String tokenHash, Long createdBy, Instant createdAt) {
        this.organisationId = Objects.requireNonNull(organisationId);
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** What the token can do now: only an approved, unrevoked token authenticates. */
    enum Status {
        PENDING,
        ACTIVE,
        REVOKED
    }

    /** A second administrator's approval; the caller has checked that it is not the requester. */
    void approve(Long approver, Instant now) {
        if (status() != Status.PENDING) {
            throw new IllegalStateException("only a pending token is approved");
        }
        approvedBy = Objects.requireNonNull(approver);
        approvedAt = now;
    }

    Status status() {
        return revokedAt != null ? Status.REVOKED : approvedAt == null ? Status.PENDING : Status.ACTIVE;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    Long id() {
        return id;
    }

    Long organisationId() {
        return organisationId;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    Long createdBy() {
        return createdBy;
    }

    Long approvedBy() {
        return approvedBy;
    }

    Instant approvedAt() {
        return approvedAt;
    }
}
