package nl.ketenzicht.linkage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import nl.ketenzicht.parties.Gender;

/** Requests and views of registrations. */
public final class RegistrationRequests {

    private RegistrationRequests() {}

    /**
     * A registration as a partner sends it. The identifying fields (names, birth date, gender) are
     * used only to compute the linkage keys: never stored, logged or returned. The constraint
     * messages therefore never quote a value, and {@link #toString()} withholds them.
     */
    public record RegistrationRequest(
            @NotNull LocalDate registeredOn,

            @NotNull @Pattern(regexp = "GM[0-9]{4}", message = "use a CBS municipality code such as GM0363")
            String municipalityCode,

            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 150) String familyName,
            @NotNull LocalDate birthDate,
            @NotNull Gender gender,
            @Positive Long caseId) {
        /** An example for the API document (synthetic). */
        public static final RegistrationRequest EXAMPLE = new RegistrationRequest(
                LocalDate.of(2024, 3, 1), "GM0363", "Anna", "Jansen", LocalDate.of(2006, 5, 17), Gender.FEMALE, null);

        Identity identity() {
            return new Identity(firstName, familyName, birthDate, gender);
        }

        @Override
        public String toString() {
            return "RegistrationRequest[registeredOn=" + registeredOn + ", municipalityCode=" + municipalityCode
                    + ", caseId=" + caseId + ", identifying data withheld]";
        }
    }

    /** What an Idempotency-Key is checked against: the request with its identity replaced by its key. */
    public record Fingerprint(LocalDate registeredOn, String municipalityCode, String key, Long caseId) {}

    /**
     * A registration as its own organisation sees it: no keys, no person, nothing that tells whether
     * another partner registered the same person.
     */
    public record RegistrationView(
            long id,
            long version,
            long organisationId,
            LocalDate registeredOn,
            String municipalityCode,
            String policeUnit,
            Long caseId,
            Instant createdAt) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(
                    r.id(),
                    r.version(),
                    r.organisationId(),
                    r.registeredOn(),
                    r.municipalityCode(),
                    r.policeUnit(),
                    r.caseId(),
                    r.createdAt());
        }
    }
}
