package nl.ketenzicht.linkage;

/**
 * The linkage key variants, strongest first. Each variant leaves out one part of the identifying
 * data, so two registrations link when they agree on gender and on all but one of: first name,
 * family name, day and month of birth. A typo in one part is then still linked, through the variant
 * that leaves that part out. Gender is in every key.
 */
public enum KeyVariant {
    /** First name, family name, birth date, gender. */
    FULL,
    /** Family name, birth date, gender: a first name typed differently or a call name. */
    NO_FIRST_NAME,
    /** First name, birth date, gender: a family name misspelt or changed. */
    NO_FAMILY_NAME,
    /** First name, family name, birth year, gender: a day or month typed wrong. */
    BIRTH_YEAR;

    /** The text that is keyed: variant name first, so that keys of different variants never coincide. */
    String message(String firstName, String familyName, java.time.LocalDate birthDate, String gender) {
        return switch (this) {
            case FULL -> join(firstName, familyName, birthDate.toString(), gender);
            case NO_FIRST_NAME -> join("", familyName, birthDate.toString(), gender);
            case NO_FAMILY_NAME -> join(firstName, "", birthDate.toString(), gender);
            case BIRTH_YEAR -> join(firstName, familyName, String.valueOf(birthDate.getYear()), gender);
        };
    }

    private String join(String first, String family, String birth, String gender) {
        // Normalised names hold letters and digits only, so '|' cannot be forged from inside a field.
        return "ketenzicht-linkage-v1|" + name() + "|" + first + "|" + family + "|" + birth + "|" + gender;
    }
}
