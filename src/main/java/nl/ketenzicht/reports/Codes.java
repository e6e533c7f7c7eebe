package nl.ketenzicht.reports;

import java.util.Arrays;
import java.util.List;

/** A code list the reports cut by, taken from the enum that the case records use, in its order. */
final class Codes {

    private Codes() {}

    static List<String> of(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
