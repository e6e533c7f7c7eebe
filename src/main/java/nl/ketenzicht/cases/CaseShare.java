package nl.ketenzicht.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.ketenzicht.security.ShareScope;

/**
 * A case shared with a named partner organisation for a stated purpose and scope, through the day
 * the owner set (inclusive) or until revoked, whichever comes first.
 */
@Entity
@Table(name = "case_share")
public class CaseShare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "organisation_id")
    private long organisationId;

    private String purpose;

    @Enumerated(EnumType.STRING)
    private ShareScope scope;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "granted_by")
    private String grantedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CaseShare() {}

    CaseShare(
            long caseId,
            long organisationId,
            String purpose,
            ShareScope scope,
            LocalDate expiresOn,
            Instant grantedAt,
            String grantedBy) {
        this.caseId = caseId;
        this.organisationId = organisationId;
        this.purpose = Objects.requireNonNull(purpose);
        this.scope = Objects.requireNonNull(scope);
        this.expiresOn = Objects.requireNonNull(expiresOn);
        this.grantedAt = Objects.requireNonNull(grantedAt);
        this.grantedBy = Objects.requireNonNull(grantedBy);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Long id() {
        return id;
    }

    long caseId() {
        return caseId;
    }

    long organisationId() {
        return organisationId;
    }

    String purpose() {
        return purpose;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    ShareScope scope() {
        return scope;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }
}
