package nl.ketenzicht.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import nl.ketenzicht.shared.problem.MessageCode;

/** A referral of a victim to care (zorgtraject): referred → started (the waiting time) → ended. */
@Entity
@Table(name = "care_referral")
public class CareReferral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "victim_id")
    private long victimId;

    @Column(name = "care_type")
    private String careType;

    @Column(name = "referred_on")
    private LocalDate referredOn;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Version
    private long version;

    protected CareReferral() {}

    public CareReferral(long victimId, Details d) {
        this.victimId = victimId;
        revise(d);
    }

    public void revise(Details d) {
        if (d.startedOn() != null && d.startedOn().isBefore(d.referredOn())) {
            throw new DomainRuleViolation(
                    MessageCode.CARE_STARTED_BEFORE_REFERRAL, "startedOn", "Care cannot start before the referral.");
        }
        if (d.endedOn() != null && d.startedOn() == null) {
            throw new DomainRuleViolation(
                    MessageCode.CARE_ENDED_WITHOUT_START, "endedOn", "Care can only end after it started.");
        }
        if (d.endedOn() != null && d.endedOn().isBefore(d.startedOn())) {
            throw new DomainRuleViolation(
                    MessageCode.CARE_ENDED_BEFORE_START, "endedOn", "Care cannot end before it started.");
        }
        this.careType = Objects.requireNonNull(d.careType());
        this.referredOn = Objects.requireNonNull(d.referredOn());
        this.startedOn = d.startedOn();
        this.endedOn = d.endedOn();
    }

    public record Details(String careType, LocalDate referredOn, LocalDate startedOn, LocalDate endedOn) {}

    public Long id() {
        return id;
    }

    public long victimId() {
        return victimId;
    }

    public String careType() {
        return careType;
    }

    public LocalDate referredOn() {
        return referredOn;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public long version() {
        return version;
    }
}
