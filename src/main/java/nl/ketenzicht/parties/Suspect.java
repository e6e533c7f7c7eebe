package nl.ketenzicht.parties;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Set;

/** A suspect (verdachte) of trafficking or a related offence. */
@Entity
@DiscriminatorValue("SUSPECT")
public class Suspect extends Offender {

    protected Suspect() {}

    public Suspect(long caseId, Gender gender, Integer birthYear, String role, Set<Long> victims, Instant createdAt) {
        super(caseId, gender, birthYear, createdAt);
        revise(gender, birthYear, role, victims);
    }

    public void revise(Gender gender, Integer birthYear, String role, Set<Long> victims) {
        reviseOffender(gender, birthYear, role, victims);
    }

    @Override
    public PartyKind kind() {
        return PartyKind.SUSPECT;
    }
}
