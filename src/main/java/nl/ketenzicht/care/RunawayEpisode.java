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

/**
 * A victim ran away (from an institution or home): missing since, reported to the police on,
 * found on, and whether she was victimised meanwhile. Open while not found.
 */
@Entity
@Table(name = "runaway_episode")
public class RunawayEpisode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "victim_id")
    private long victimId;

    @Column(name = "institution_type")
    private String institutionType;

    @Column(name = "missing_since")
    private LocalDate missingSince;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Column(name = "found_on")
    private LocalDate foundOn;

    @Column(name = "victimised_during")
    private Boolean victimisedDuring;

    @Version
    private long version;

    protected RunawayEpisode() {}

    public RunawayEpisode(long victimId, Details d) {
        this.victimId = victimId;
        revise(d);
    }

    public void revise(Details d) {
        if (d.reportedOn() != null && d.reportedOn().isBefore(d.missingSince())) {
            throw new DomainRuleViolation(
                    MessageCode.RUNAWAY_REPORTED_BEFORE_MISSING,
                    "reportedOn",
                    "The report cannot precede the disappearance.");
        }
        if (d.foundOn() != null && d.foundOn().isBefore(d.missingSince())) {
            throw new DomainRuleViolation(
                    MessageCode.RUNAWAY_FOUND_BEFORE_MISSING, "foundOn", "Found cannot be before missing since.");
        }
        this.institutionType = Objects.requireNonNull(d.institutionType());
        this.missingSince = Objects.requireNonNull(d.missingSince());
        this.reportedOn = d.reportedOn();
        this.foundOn = d.foundOn();
        this.victimisedDuring = d.victimisedDuring();
    }

    public record Details(
            String institutionType,
            LocalDate missingSince,
            LocalDate reportedOn,
            LocalDate foundOn,
            Boolean victimisedDuring) {}

    public Long id() {
        return id;
    }

    public long victimId() {
        return victimId;
    }

    public String institutionType() {
        return institutionType;
    }

    public LocalDate missingSince() {
        return missingSince;
    }

    public LocalDate reportedOn() {
        return reportedOn;
    }

    public LocalDate foundOn() {
        return foundOn;
    }

    public Boolean victimisedDuring() {
        return victimisedDuring;
    }

    public long version() {
        return version;
    }
}
