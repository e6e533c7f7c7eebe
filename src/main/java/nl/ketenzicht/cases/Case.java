package nl.ketenzicht.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * A case (zaak), owned by one organisation. Lifecycle: opened → (revised any number of times) →
 * closed with a reason and date → possibly reopened. Never deleted through the API. The region is
 * derived from the municipality by the service, never typed in.
 */
@Entity
@Table(name = "case_file")
public class Case {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_organisation_id")
    private long ownerOrganisationId;

    @Embedded
    private Region region;

    @Column(name = "opened_on")
    private LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    private Origin origin;

    @Column(name = "signalling_organisation_id")
    private Long signallingOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_type")
    private TeamType teamType;

    @Column(name = "suspect_count")
    private int suspectCount;

    private boolean network;

    @Enumerated(EnumType.STRING)
    private CaseStatus status = CaseStatus.OPEN;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closing_reason")
    private String closingReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_exploitation_form", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "code")
    private Set<String> exploitationForms = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_investigation_method", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "code")
    private Set<String> investigationMethods = new TreeSet<>();

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected Case() {}

    public Case(long ownerOrganisationId, CaseDetails details, Instant createdAt, String createdBy) {
        this.ownerOrganisationId = ownerOrganisationId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        apply(details);
    }

    /** Replaces the descriptive fields; the owner, status and history stay. */
    public void revise(CaseDetails details) {
        if (closedOn != null && details.openedOn().isAfter(closedOn)) {
            throw new DomainRuleViolation(
                    MessageCode.CASE_OPENED_AFTER_CLOSED,
                    "openedOn",
                    "A case cannot open after the day it was closed.");
        }
        apply(details);
    }

    public void close(LocalDate on, String reason) {
        if (status == CaseStatus.CLOSED) {
            throw new DomainRuleViolation(MessageCode.CASE_ALREADY_CLOSED, "closedOn", "The case is closed already.");
        }
        if (on.isBefore(openedOn)) {
            throw new DomainRuleViolation(
                    MessageCode.CASE_CLOSED_BEFORE_OPENED, "closedOn", "A case cannot close before it was opened.");
        }
        this.status = CaseStatus.CLOSED;
        this.closedOn = on;
        this.closingReason = Objects.requireNonNull(reason);
    }

    public void reopen() {
        if (status == CaseStatus.OPEN) {
            throw new DomainRuleViolation(MessageCode.CASE_NOT_CLOSED, "status", "Only a closed case can be reopened.");
        }
        status = CaseStatus.OPEN;
        closedOn = null;
        closingReason = null;
    }

    private void apply(CaseDetails d) {
        if (d.origin() == Origin.SIGNAL && d.signallingOrganisationId() == null) {
            throw new DomainRuleViolation(
                    MessageCode.SIGNAL_NEEDS_SIGNALLER,
                    "signallingOrganisationId",
                    "A case that started from a signal names the partner that gave it.");
        }
        this.region = Objects.requireNonNull(d.region());
        this.openedOn = Objects.requireNonNull(d.openedOn());
        this.origin = Objects.requireNonNull(d.origin());
        this.signallingOrganisationId = d.origin() == Origin.SIGNAL ? d.signallingOrganisationId() : null;
        this.teamType = Objects.requireNonNull(d.teamType());
        this.suspectCount = d.suspectCount();
        this.network = d.network();
        this.exploitationForms = new TreeSet<>(d.exploitationForms());
        this.investigationMethods = new TreeSet<>(d.investigationMethods());
    }

    public Long id() {
        return id;
    }

    public long ownerOrganisationId() {
        return ownerOrganisationId;
    }

    public Region region() {
        return region;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public Origin origin() {
        return origin;
    }

    public Long signallingOrganisationId() {
        return signallingOrganisationId;
    }

    public TeamType teamType() {
        return teamType;
    }

    public int suspectCount() {
        return suspectCount;
    }

    public boolean network() {
        return network;
    }

    public CaseStatus status() {
        return status;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String closingReason() {
        return closingReason;
    }

    public Set<String> exploitationForms() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(exploitationForms));
    }

    public Set<String> investigationMethods() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(investigationMethods));
    }

    public long version() {
        return version;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
