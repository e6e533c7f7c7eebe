package nl.ketenzicht.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Reads typed values out of a row's text, as the JSON API reads them out of a body: a value that is
 * not a number, date, yes/no or allowed name is a problem with the same code the API gives a
 * malformed JSON value. Every value read is also written into a canonical form, whose hash tells
 * whether a row re-imported later changed (so that "1-3-2024" and "2024-03-01" are the same).
 */
final class RowValues {

    // Strict, as ISO dates are: 31-02-2006 is no date, not the 28th of February.
    private static final DateTimeFormatter DUTCH =
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASHED =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final ImportRow row;
    private final List<RowProblem> problems = new ArrayList<>();
    private final StringBuilder canonical = new StringBuilder();

    RowValues(ImportRow row) {
        this.row = row;
        canonical.append(row.kind()).append('\u0001');
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** SHA-256 of the canonical values: equal for rows that would make the same request. */
    String hash() {
        return nl.ketenzicht.shared.Sha256.hex(canonical.toString());
    }

    private <T> T note(ImportColumn c, T value) {
        canonical
                .append(c.name())
                .append('=')
                .append(value == null ? "" : value)
                .append('\u0001');
        return value;
    }

    String text(ImportColumn c) {
        return note(c, row.value(c));
    }

    String upper(ImportColumn c) {
        String v = row.value(c);
        return note(c, v == null ? null : v.toUpperCase(Locale.ROOT));
    }

    Integer integer(ImportColumn c) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        try {
            return note(c, new java.math.BigDecimal(v.replace(" ", "")).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return fail(c, MessageCode.EXPECTED_NUMBER, "Must be a whole number.");
        }
    }

    /** A decimal number with a point or, as Dutch spreadsheets write it, a comma: 24.5 or 24,5. */
    java.math.BigDecimal decimal(ImportColumn c) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        String n = v.replace(" ", "");
        if (!n.matches("-?\\d+([.,]\\d+)?")) {
            return fail(c, MessageCode.EXPECTED_NUMBER, "Must be a number, e.g. 24,5.");
        }
        return note(c, new java.math.BigDecimal(n.replace(',', '.')).stripTrailingZeros());
    }

    Long number(ImportColumn c) {
        Integer i = integer(c);
        return i == null ? null : i.longValue();
    }

    LocalDate date(ImportColumn c) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DUTCH, SLASHED)) {
            try {
                return note(c, LocalDate.parse(v, f));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return fail(c, MessageCode.EXPECTED_DATE, "Must be an existing date (YYYY-MM-DD).");
    }

    Boolean yesNo(ImportColumn c) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "ja", "j", "yes", "y", "true", "waar", "1" -> note(c, Boolean.TRUE);
            case "nee", "n", "no", "false", "onwaar", "0" -> note(c, Boolean.FALSE);
            default -> fail(c, MessageCode.EXPECTED_BOOLEAN, "Must be yes or no (ja/nee).");
        };
    }

    <E extends Enum<E>> E choice(ImportColumn c, Class<E> type) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        String name = v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return note(c, e);
            }
        }
        problems.add(RowProblem.of(
                row.number(),
                c,
                MessageCode.VALUE_NOT_ALLOWED,
                Map.of(
                        "allowed",
                        String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList())),
                "Not one of " + Arrays.toString(type.getEnumConstants()) + "."));
        return null;
    }

    /** Codes or references separated by | (or a comma); sorted, so that their order does not count as a change. */
    Set<String> list(ImportColumn c, boolean codes) {
        String v = row.value(c);
        if (v == null) {
            return note(c, null);
        }
        Set<String> items = new TreeSet<>();
        for (String part : v.split("[|,]")) {
            if (!part.isBlank()) {
                items.add(codes ? part.strip().toUpperCase(Locale.ROOT) : part.strip());
            }
        }
        return note(c, new LinkedHashSet<>(items));
    }

    /** The value, or a problem when a column the row's address needs is empty (the API's path has no gaps). */
    <T> T required(T value, ImportColumn c) {
        if (value == null && row.value(c) == null) {
            problems.add(RowProblem.of(row.number(), c, MessageCode.REQUIRED, Map.of(), "Fill in this column."));
        }
        return value;
    }

    boolean any(ImportColumn... columns) {
        return Arrays.stream(columns).anyMatch(c -> row.value(c) != null);
    }

    private <T> T fail(ImportColumn c, MessageCode code, String message) {
        problems.add(RowProblem.of(row.number(), c, code, Map.of(), message));
        note(c, "!" + row.value(c));
        return null;
    }
}
