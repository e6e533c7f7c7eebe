package nl.ketenzicht.parties;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A suspect or a client: someone who can go through the criminal-justice chain, linked to victims. */
@Entity
public abstract class Offender extends Party {

    @Column(name = "role_code")
    private String roleCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "party_link", joinColumns = @JoinColumn(name = "offender_id"))
    @Column(name = "victim_id")
    private Set<Long> linkedVictimIds = new TreeSet<>();

    protected Offender() {}

    protected Offender(long caseId, Gender gender, Integer birthYear, Instant createdAt) {
        super(caseId, gender, birthYear, createdAt);
    }

    protected final void reviseOffender(Gender gender, Integer birthYear, String role, Set<Long> victims) {
        describe(gender, birthYear);
        this.roleCode = role;
        this.linkedVictimIds = new TreeSet<>(victims);
    }

    public String roleCode() {
        return roleCode;
    }

    public Set<Long> linkedVictimIds() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(linkedVictimIds));
    }
}
