package nl.ketenzicht.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** One dated step of a suspect's or client's way through the chain. Created only through {@link Proceedings}. */
@Entity
@Table(name = "chain_event")
public class ChainEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "party_id")
    private long partyId;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    @Embedded
    private Sentence sentence;

    @Column(name = "created_at")
    private Instant createdAt;
    /** Null for steps recorded before organisations were noted: those are the case owner's. */
    @Column(name = "recorded_by_organisation_id")
    private Long recordedByOrganisationId;

    protected ChainEvent() {}

    ChainEvent(
            long partyId,
            Stage stage,
            LocalDate occurredOn,
            Decision decision,
            Verdict verdict,
            Sentence sentence,
            Instant createdAt) {
        this.partyId = partyId;
        this.stage = Objects.requireNonNull(stage);
        this.occurredOn = Objects.requireNonNull(occurredOn);
        this.decision = decision;
        this.verdict = verdict;
        this.sentence = sentence;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void recordedBy(long organisationId) {
        this.recordedByOrganisationId = organisationId;
    }

    public Long id() {
        return id;
    }

    public Long recordedByOrganisationId() {
        return recordedByOrganisationId;
    }

    public long partyId() {
        return partyId;
    }

    public Stage stage() {
        return stage;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Decision decision() {
        return decision;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Sentence sentence() {
        return sentence;
    }
}
