package nl.ketenzicht.linkage;

import java.time.LocalDate;
import java.util.Objects;
import nl.ketenzicht.parties.Gender;

/**
 * The identifying data of a registered person, held only while the linkage keys are computed. It is
 * never stored, logged or returned; {@link #toString()} therefore shows nothing of it.
 */
public record Identity(String firstName, String familyName, LocalDate birthDate, Gender gender) {

    public Identity {
        Objects.requireNonNull(firstName, "first name is required");
        Objects.requireNonNull(familyName, "family name is required");
        Objects.requireNonNull(birthDate, "birth date is required");
        Objects.requireNonNull(gender, "gender is required");
    }

    @Override
    public String toString() {
        return "Identity[withheld]";
    }
}
