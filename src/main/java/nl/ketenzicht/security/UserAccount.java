package nl.ketenzicht.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import nl.ketenzicht.identity.Role;

/**
 * A human user. Lifecycle: created (no second factor) → TOTP enrolment started → confirmed with a
 * first valid code → may be disabled and enabled again. A used TOTP time step is remembered so that
 * a code cannot be replayed.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "police_unit")
    private String policeUnit;

    private boolean enabled = true;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_confirmed")
    private boolean totpConfirmed;

    @Column(name = "totp_last_step")
    private long totpLastStep;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    protected UserAccount() {}

    public UserAccount(
            String username,
            String passwordHash,
            Role role,
            Organisation organisation,
            String policeUnit,
            Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username is required");
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash is required");
        this.role = Objects.requireNonNull(role, "role is required");
        this.organisation = Objects.requireNonNull(organisation, "organisation is required");
        this.policeUnit = policeUnit;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void assignRole(Role newRole, String newPoliceUnit) {
        this.role = Objects.requireNonNull(newRole);
        this.policeUnit = newPoliceUnit;
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /** Starts (or restarts, while unconfirmed) enrolment of the second factor. */
    public void startTotpEnrolment(String secret) {
        if (totpConfirmed) {
            throw new IllegalStateException("the second factor is already enrolled");
        }
        this.totpSecret = Objects.requireNonNull(secret);
    }

    /** Accepts a verified time step once; an equal or older step is a replay. */
    public boolean acceptTotpStep(long step) {
        if (step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        totpConfirmed = true;
        return true;
    }

    public void resetTotp() {
        totpSecret = null;
        totpConfirmed = false;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Organisation organisation() {
        return organisation;
    }

    public String policeUnit() {
        return policeUnit;
    }

    public boolean enabled() {
        return enabled && organisation.enabled();
    }

    public String totpSecret() {
        return totpSecret;
    }

    public boolean totpConfirmed() {
        return totpConfirmed;
    }
    /** The account's own switch, whatever its organisation's. */
    boolean enabledItself() {
        return enabled;
    }

    public long version() {
        return version;
    }
}
