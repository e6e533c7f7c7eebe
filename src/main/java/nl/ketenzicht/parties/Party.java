package nl.ketenzicht.parties;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person in a case, recorded pseudonymously: no name, only what the measures need. */
@Entity
@Table(name = "party")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Party {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Column(name = "birth_year")
    private Integer birthYear;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Party() {}

    protected Party(long caseId, Gender gender, Integer birthYear, Instant createdAt) {
        this.caseId = caseId;
        this.createdAt = Objects.requireNonNull(createdAt);
        describe(gender, birthYear);
    }

    protected final void describe(Gender newGender, Integer newBirthYear) {
        this.gender = Objects.requireNonNull(newGender, "gender is required");
        this.birthYear = newBirthYear;
    }

    public abstract PartyKind kind();

    public Long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public Gender gender() {
        return gender;
    }

    public Integer birthYear() {
        return birthYear;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
