package nl.ketenzicht.linkage;

import java.util.List;
import java.util.Objects;

/** The four keyed hashes (64 hex characters each) of one registration, one per {@link KeyVariant}. */
public record LinkageKeys(String full, String noFirstName, String noFamilyName, String birthYear) {

    public LinkageKeys {
        for (String key : List.of(full, noFirstName, noFamilyName, birthYear)) {
            if (!Objects.requireNonNull(key).matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a linkage key is 64 lower-case hex characters");
            }
        }
    }

    public String get(KeyVariant variant) {
        return switch (variant) {
            case FULL -> full;
            case NO_FIRST_NAME -> noFirstName;
            case NO_FAMILY_NAME -> noFamilyName;
            case BIRTH_YEAR -> birthYear;
        };
    }
}
