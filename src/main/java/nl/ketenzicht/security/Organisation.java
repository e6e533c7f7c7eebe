package nl.ketenzicht.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A partner organisation. Every case, user and API token belongs to exactly one. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    @Column(name = "police_unit")
    private String policeUnit;

    private boolean enabled = true;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Organisation() {}

    public Organisation(String code, String name, OrganisationType type, String policeUnit, Instant createdAt) {
        this.code = Objects.requireNonNull(code, "code is required");
        this.name = Objects.requireNonNull(name, "name is required");
        this.type = Objects.requireNonNull(type, "type is required");
        this.policeUnit = policeUnit;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void rename(String newName, OrganisationType newType, String newPoliceUnit) {
        this.name = Objects.requireNonNull(newName);
        this.type = Objects.requireNonNull(newType);
        this.policeUnit = newPoliceUnit;
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }

    public String policeUnit() {
        return policeUnit;
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }
}
