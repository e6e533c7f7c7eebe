package nl.ketenzicht.parties;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Set;

/** A client (klant) who bought sex from a victim; whether the age-verification duty was at issue. */
@Entity
@DiscriminatorValue("CLIENT")
public class Client extends Offender {

    @Column(name = "contact_count")
    private Integer contactCount;

    @Column(name = "age_verification_at_issue")
    private Boolean ageVerificationAtIssue;

    protected Client() {}

    public Client(
            long caseId,
            Gender gender,
            Integer birthYear,
            Integer contactCount,
            Boolean ageVerificationAtIssue,
            Set<Long> victims,
            Instant createdAt) {
        super(caseId, gender, birthYear, createdAt);
        revise(gender, birthYear, contactCount, ageVerificationAtIssue, victims);
    }

    public void revise(Gender gender, Integer birthYear, Integer contacts, Boolean ageVerification, Set<Long> victims) {
        reviseOffender(gender, birthYear, "CLIENT", victims);
        this.contactCount = contacts;
        this.ageVerificationAtIssue = ageVerification;
    }

    @Override
    public PartyKind kind() {
        return PartyKind.CLIENT;
    }

    public Integer contactCount() {
        return contactCount;
    }

    public Boolean ageVerificationAtIssue() {
        return ageVerificationAtIssue;
    }
}
