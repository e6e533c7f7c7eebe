package nl.ketenzicht.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.ketenzicht.security.OrganisationType;

/**
 * One organisation's registration of a victim: when, where, and the linkage keys of the person, never
 * the identifying data. Lifecycle: registered (and linked to a person) → possibly re-linked when
 * another registration of that person is withdrawn → withdrawn (deleted) by its organisation.
 */
@Entity
@Table(name = "registration")
public class Registration {

    /** match_quality of a registration that did not join an earlier one. */
    static final String NEW_PERSON = "NEW";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id")
    private long organisationId;

    @Column(name = "organisation_type")
    private String organisationType;

    @Column(name = "registered_on")
    private LocalDate registeredOn;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Column(name = "police_unit")
    private String policeUnit;

    @Column(name = "key_full")
    private String keyFull;

    @Column(name = "key_no_first_name")
    private String keyNoFirstName;

    @Column(name = "key_no_family_name")
    private String keyNoFamilyName;

    @Column(name = "key_birth_year")
    private String keyBirthYear;

    @Column(name = "person_id")
    private long personId;

    @Column(name = "match_quality")
    private String matchQuality = NEW_PERSON;

    @Column(name = "case_id")
    private Long caseId;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected Registration() {}

    Registration(
            long organisationId,
            OrganisationType type,
            LocalDate registeredOn,
            String municipalityCode,
            String policeUnit,
            LinkageKeys keys,
            Long caseId,
            Instant createdAt,
            String createdBy) {
        this.organisationId = organisationId;
        this.organisationType =
                Objects.requireNonNull(type, "organisation type is required").name();
        this.registeredOn = Objects.requireNonNull(registeredOn, "registration date is required");
        this.municipalityCode = Objects.requireNonNull(municipalityCode, "municipality is required");
        this.policeUnit = Objects.requireNonNull(policeUnit, "police unit is required");
        Objects.requireNonNull(keys, "linkage keys are required");
        this.keyFull = keys.full();
        this.keyNoFirstName = keys.noFirstName();
        this.keyNoFamilyName = keys.noFamilyName();
        this.keyBirthYear = keys.birthYear();
        this.caseId = caseId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** Places the registration in a person; {@code via} is the variant that linked it, null for a new person. */
    void linkTo(long person, KeyVariant via) {
        this.personId = person;
        this.matchQuality = via == null ? NEW_PERSON : via.name();
    }

    public Long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String policeUnit() {
        return policeUnit;
    }

    public Long caseId() {
        return caseId;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    long personId() {
        return personId;
    }

    LinkageKeys keys() {
        return new LinkageKeys(keyFull, keyNoFirstName, keyNoFamilyName, keyBirthYear);
    }
}
