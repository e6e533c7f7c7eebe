package nl.ketenzicht.context;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A context CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, separated by
 * commas, semicolons or tabs (whichever the header uses most), a header naming the columns in English
 * or Dutch in any order, and decimals with a point or a comma. A file that cannot be read as such is
 * refused whole (400, the place named); the values of its rows are checked by the caller, row by row.
 */
final class ContextCsv {

    static final int MAX_ROWS = 5000;

    /** A row with its line number in the file (the header is line 1) and its values by canonical column. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    private ContextCsv() {}

    /**
     * The rows of a file whose header must hold every column of {@code columns} (canonical name →
     * accepted names, the canonical one included) and nothing else.
     */
    static List<Row> read(String body, Map<String, List<String>> columns) {
        String text = decode(body);
        Map<String, String> expected = Map.of("expected", String.join(", ", columns.keySet()));
        if (text.isBlank()) {
            throw ProblemException.invalid(
                    "body", MessageCode.UPLOAD_NO_HEADER, expected, "The file is empty; expected a header.");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw ProblemException.invalid(
                        "body", MessageCode.UPLOAD_NO_HEADER, expected, "The file is empty; expected a header.");
            }
            Map<Integer, String> header = header(records.get(0), columns);
            if (records.size() == 1) {
                throw ProblemException.invalid("body", MessageCode.UPLOAD_NO_DATA_ROWS, "No rows follow the header.");
            }
            if (records.size() - 1 > MAX_ROWS) {
                throw ProblemException.invalid(
                        "body",
                        MessageCode.UPLOAD_TOO_MANY_ROWS,
                        Map.of("max", MAX_ROWS),
                        "At most " + MAX_ROWS + " rows.");
            }
            int[] newlines = newlines(text);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : records.subList(1, records.size())) {
                int line = lineOf(text, newlines, r);
                if (r.size() != header.size()) {
                    throw new ProblemException(
                            400,
                            "Invalid request",
                            MessageCode.INVALID_REQUEST,
                            Map.of("count", 1),
                            "Wrong number of columns.",
                            null,
                            List.of(new Problem.FieldError(
                                    "line " + line,
                                    MessageCode.UPLOAD_COLUMN_COUNT,
                                    Map.of("expected", header.size(), "found", r.size()),
                                    "Expected " + header.size() + " columns like the header, found " + r.size()
                                            + ".")));
                }
                Map<String, String> values = new LinkedHashMap<>();
                header.forEach((i, column) -> values.put(column, r.get(i)));
                rows.add(new Row(line, values));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalid(
                    "body", MessageCode.UPLOAD_UNREADABLE, "The CSV could not be read; is a quote left open?");
        }
    }

    /** A number as a spreadsheet writes it: 12.5 or 12,5 (a thousands separator is not accepted). */
    static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || !text.matches("-?\\d+([.,]\\d+)?")) {
            return null;
        }
        return new BigDecimal(text.replace(',', '.'));
    }

    /** yes/no in English or Dutch, true/false or 1/0. */
    static Boolean yesNo(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "yes", "ja", "true", "waar", "1", "y", "j" -> true;
            case "no", "nee", "false", "onwaar", "0", "n" -> false;
            default -> null;
        };
    }

    /**
     * The text without its byte-order mark. The body was read as UTF-8 (the charset of the request, or
     * UTF-8 by default), which turns bytes of another encoding into replacement characters.
     */
    private static String decode(String body) {
        if (body == null) {
            return "";
        }
        if (body.indexOf('\uFFFD') >= 0) {
            throw ProblemException.invalid(
                    "body", MessageCode.UPLOAD_NOT_UTF8, "The file is not UTF-8; save it as CSV UTF-8.");
        }
        return body.startsWith("\uFEFF") ? body.substring(1) : body;
    }

    /** The separator the header line uses most of: comma, semicolon or tab. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = -1;
        for (char d : new char[] {',', ';', '\t'}) {
            long n = header.chars().filter(ch -> ch == d).count();
            if (n > most) {
                most = n;
                best = d;
            }
        }
        return best;
    }

    private static Map<Integer, String> header(CSVRecord record, Map<String, List<String>> columns) {
        Map<String, String> byName = new LinkedHashMap<>();
        columns.forEach((canonical, names) -> names.forEach(n -> byName.put(n.toLowerCase(Locale.ROOT), canonical)));
        Map<Integer, String> header = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).toLowerCase(Locale.ROOT);
            String canonical = byName.get(name);
            if (canonical == null || header.containsValue(canonical)) {
                errors.add(new Problem.FieldError(
                        "line 1",
                        MessageCode.UPLOAD_COLUMN_UNKNOWN,
                        Map.of("found", printable(record.get(i)), "expected", String.join(", ", columns.keySet())),
                        "Unknown or repeated column '" + printable(record.get(i)) + "'; expected "
                                + String.join(", ", columns.keySet()) + "."));
            } else {
                header.put(i, canonical);
            }
        }
        for (String canonical : columns.keySet()) {
            if (!header.containsValue(canonical)) {
                errors.add(new Problem.FieldError(
                        "line 1",
                        MessageCode.UPLOAD_COLUMN_MISSING,
                        Map.of("column", canonical),
                        "The header lacks the column '" + canonical + "'."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return header;
    }

    /** The line a record starts on, as an editor numbers it (the first line of the file is 1). */
    private static int lineOf(String text, int[] newlines, CSVRecord r) {
        int start = (int) r.getCharacterPosition();
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++; // the parser's position is where it began to read, before the blank lines it skipped
        }
        int i = java.util.Arrays.binarySearch(newlines, start);
        return (i >= 0 ? i : -i - 1) + 1;
    }

    private static int[] newlines(String text) {
        return java.util.stream.IntStream.range(0, text.length())
                .filter(i -> text.charAt(i) == '\n')
                .toArray();
    }

    private static String printable(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("[\\p{Cntrl}]", "?");
    }
}
