package nl.ketenzicht.parties;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** One dated step in a victim's aangifte history, with the hearing details where there was one. */
@Entity
@Table(name = "aangifte_event")
public class AangifteEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Type type;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    @Column(name = "trauma_studio")
    private boolean traumaStudio;

    @Enumerated(EnumType.STRING)
    @Column(name = "psychologist_advised")
    private PsychologistAdvice psychologistAdvised;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "aangifte_reason", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "code")
    private Set<String> reasons = new TreeSet<>();

    protected AangifteEvent() {}

    public AangifteEvent(
            Type type,
            LocalDate occurredOn,
            Set<String> reasons,
            boolean traumaStudio,
            PsychologistAdvice psychologistAdvised) {
        this.type = Objects.requireNonNull(type);
        this.occurredOn = Objects.requireNonNull(occurredOn);
        this.reasons = new TreeSet<>(reasons);
        this.traumaStudio = traumaStudio;
        this.psychologistAdvised = Objects.requireNonNull(psychologistAdvised);
    }

    public Long id() {
        return id;
    }

    public Type type() {
        return type;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public boolean traumaStudio() {
        return traumaStudio;
    }

    public PsychologistAdvice psychologistAdvised() {
        return psychologistAdvised;
    }

    public Set<String> reasons() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(reasons));
    }

    public enum Type {
        INFORMATORY_INTERVIEW,
        AANGIFTE_MADE,
        DECLINED,
        WITHDRAWN;

        AangifteStatus resultingStatus() {
            return AangifteStatus.valueOf(name());
        }
    }
}
