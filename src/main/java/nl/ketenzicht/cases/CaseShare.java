package nl.ketenzicht.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A case shared with a named partner organisation for a stated purpose, until revoked. */
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
    @Column(name = "granted_at")
    private Instant grantedAt;
    @Column(name = "granted_by")
    private String grantedBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CaseShare() {
    }

    CaseShare(long caseId, long organisationId, String purpose, Instant grantedAt, String grantedBy) {
        this.caseId = caseId;
        this.organisationId = organisationId;
        this.purpose = Objects.requireNonNull(purpose);
        this.grantedAt = Objects.requireNonNull(grantedAt);
        this.grantedBy = Objects.requireNonNull(grantedBy);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Long id() { return id; }
    long caseId() { return caseId; }
    long organisationId() { return organisationId; }
    String purpose() { return purpose; }
    Instant grantedAt() { return grantedAt; }
    Instant revokedAt() { return revokedAt; }
}
