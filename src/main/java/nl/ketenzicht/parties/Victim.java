package nl.ketenzicht.parties;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * A victim (slachtoffer). The aangifte history moves through named transitions:
 * NONE → informatory interview(s) → aangifte made | declined (with reasons); declined → made;
 * made → withdrawn. Dates never go backwards. Ages are derived, never typed in.
 */
@Entity
@DiscriminatorValue("VICTIM")
public class Victim extends Party {

    private static final Map<AangifteEvent.Type, Set<AangifteStatus>> ALLOWED_FROM = Map.of(
            AangifteEvent.Type.INFORMATORY_INTERVIEW,
                    EnumSet.of(AangifteStatus.NONE, AangifteStatus.INFORMATORY_INTERVIEW, AangifteStatus.DECLINED),
            AangifteEvent.Type.AANGIFTE_MADE,
                    EnumSet.of(
                            AangifteStatus.NONE,
                            AangifteStatus.INFORMATORY_INTERVIEW,
                            AangifteStatus.DECLINED,
                            AangifteStatus.WITHDRAWN),
            AangifteEvent.Type.DECLINED, EnumSet.of(AangifteStatus.NONE, AangifteStatus.INFORMATORY_INTERVIEW),
            AangifteEvent.Type.WITHDRAWN, EnumSet.of(AangifteStatus.AANGIFTE_MADE));

    @Column(name = "birth_month")
    private Integer birthMonth;

    private String nationality;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "victim_vulnerability", joinColumns = @JoinColumn(name = "party_id"))
    @Column(name = "code")
    private Set<String> vulnerabilities = new TreeSet<>();

    @Column(name = "recruitment_channel")
    private String recruitmentChannel;

    @Column(name = "exploitation_started_on")
    private LocalDate exploitationStartedOn;

    @Column(name = "estimated_client_count")
    private Integer estimatedClientCount;

    @Column(name = "consent_to_share")
    private Boolean consentToShare;

    @Enumerated(EnumType.STRING)
    @Column(name = "aangifte_status")
    private AangifteStatus aangifteStatus = AangifteStatus.NONE;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "victim_id", nullable = false)
    @OrderBy("occurredOn ASC, id ASC")
    private List<AangifteEvent> aangifteEvents = new ArrayList<>();

    protected Victim() {}

    public Victim(long caseId, VictimProfile profile, Instant createdAt) {
        super(caseId, profile.gender(), profile.birthYear(), createdAt);
        revise(profile);
    }

    public void revise(VictimProfile p) {
        describe(p.gender(), p.birthYear());
        if (p.birthMonth() != null && p.birthYear() == null) {
            throw new DomainRuleViolation(
                    MessageCode.BIRTH_MONTH_NEEDS_YEAR, "birthMonth", "A birth month needs a birth year.");
        }
        if (p.birthYear() != null
                && p.exploitationStartedOn() != null
                && p.exploitationStartedOn().getYear() < p.birthYear()) {
            throw new DomainRuleViolation(
                    MessageCode.EXPLOITATION_BEFORE_BIRTH,
                    "exploitationStartedOn",
                    "Exploitation cannot start before birth.");
        }
        this.birthMonth = p.birthMonth();
        this.nationality = p.nationality();
        this.vulnerabilities = new TreeSet<>(p.vulnerabilities());
        this.recruitmentChannel = p.recruitmentChannel();
        this.exploitationStartedOn = p.exploitationStartedOn();
        this.estimatedClientCount = p.estimatedClientCount();
        this.consentToShare = p.consentToShare();
    }

    /** Records the next step of the aangifte history, or says which rule forbids it. */
    public AangifteEvent record(AangifteEvent event) {
        if (!ALLOWED_FROM.get(event.type()).contains(aangifteStatus)) {
            throw new DomainRuleViolation(
                    MessageCode.AANGIFTE_STEP_NOT_ALLOWED,
                    "AANGIFTE_" + event.type() + "_NOT_FROM_" + aangifteStatus,
                    java.util.Map.of("type", event.type(), "status", aangifteStatus),
                    "type",
                    "After '" + aangifteStatus + "' the next step cannot be '" + event.type() + "'.");
        }
        if (!aangifteEvents.isEmpty() && event.occurredOn().isBefore(last().occurredOn())) {
            throw new DomainRuleViolation(
                    MessageCode.AANGIFTE_DATE_BEFORE_PREVIOUS,
                    java.util.Map.of("date", last().occurredOn()),
                    "on",
                    "This step cannot be dated before the previous one (" + last().occurredOn() + ").");
        }
        if (event.type() == AangifteEvent.Type.DECLINED && event.reasons().isEmpty()) {
            throw new DomainRuleViolation(
                    MessageCode.DECLINED_NEEDS_REASON, "reasons", "Give at least one reason for not reporting.");
        }
        aangifteEvents.add(event);
        aangifteStatus = event.type().resultingStatus();
        return event;
    }

    private AangifteEvent last() {
        return aangifteEvents.get(aangifteEvents.size() - 1);
    }

    /** Age in whole years on a date, from birth year and month (mid-month, or mid-year without a month). */
    public OptionalInt ageOn(LocalDate date) {
        if (birthYear() == null || date == null) {
            return OptionalInt.empty();
        }
        LocalDate birth =
                birthMonth == null ? LocalDate.of(birthYear(), 7, 1) : LocalDate.of(birthYear(), birthMonth, 15);
        return date.isBefore(birth)
                ? OptionalInt.empty()
                : OptionalInt.of(Period.between(birth, date).getYears());
    }

    @Override
    public PartyKind kind() {
        return PartyKind.VICTIM;
    }

    public Integer birthMonth() {
        return birthMonth;
    }

    public String nationality() {
        return nationality;
    }

    public Set<String> vulnerabilities() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(vulnerabilities));
    }

    public String recruitmentChannel() {
        return recruitmentChannel;
    }

    public LocalDate exploitationStartedOn() {
        return exploitationStartedOn;
    }

    public Integer estimatedClientCount() {
        return estimatedClientCount;
    }

    public Boolean consentToShare() {
        return consentToShare;
    }

    public AangifteStatus aangifteStatus() {
        return aangifteStatus;
    }

    public List<AangifteEvent> aangifteEvents() {
        return List.copyOf(aangifteEvents);
    }
}
