package nl.ketenzicht.linkage.mse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.linkage.mse.MalformedCaptureTableException.Kind;

/** Strict reader for the overlap CSV: every error names its line and column. */
final class CaptureTableCsv {

    private final List<String> lists = new ArrayList<>();
    private long[] counts;
    private int[] lineOfHistory;

    private CaptureTableCsv() {}

    static CaptureTable parse(Reader reader) throws IOException {
        CaptureTableCsv csv = new CaptureTableCsv();
        List<String> lines = new BufferedReader(reader).lines().toList();
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--; // trailing blank lines are harmless editor artefacts
        }
        if (last == 0) {
            throw new MalformedCaptureTableException(
                    1, 0, Kind.EMPTY_FILE, Map.of(), "empty file, expected a header such as A,B,count");
        }
        csv.header(stripBom(lines.get(0)));
        if (last == 1) {
            throw new MalformedCaptureTableException(
                    2, 0, Kind.NO_ROWS, Map.of(), "no capture histories after the header");
        }
        for (int i = 1; i < last; i++) {
            csv.row(i + 1, lines.get(i));
        }
        return CaptureTable.fromHistoryCounts(csv.lists, csv.counts);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private void header(String line) {
        String[] fields = split(line);
        int n = fields.length;
        if (!fields[n - 1].equals("count")) {
            throw new MalformedCaptureTableException(
                    1,
                    n,
                    Kind.LAST_COLUMN_COUNT,
                    Map.of("found", fields[n - 1]),
                    "last header column must be 'count', found '" + fields[n - 1] + "'");
        }
        if (n - 1 < 2) {
            throw new MalformedCaptureTableException(
                    1,
                    0,
                    Kind.TOO_FEW_LISTS,
                    Map.of("found", n - 1),
                    "at least 2 list columns are needed before 'count', found " + (n - 1));
        }
        if (n - 1 > CaptureTable.MAX_LISTS) {
            throw new MalformedCaptureTableException(
                    1,
                    0,
                    Kind.TOO_MANY_LISTS,
                    Map.of("max", CaptureTable.MAX_LISTS, "found", n - 1),
                    "at most " + CaptureTable.MAX_LISTS + " lists are supported, found " + (n - 1));
        }
        var seen = new HashSet<String>();
        for (int c = 0; c < n - 1; c++) {
            if (fields[c].isEmpty() || !seen.add(fields[c])) {
                throw new MalformedCaptureTableException(
                        1,
                        c + 1,
                        Kind.LIST_NAME,
                        Map.of("found", fields[c]),
                        "list name must be non-empty and unique, found '" + fields[c] + "'");
            }
            lists.add(fields[c]);
        }
        counts = new long[1 << lists.size()];
        lineOfHistory = new int[counts.length];
    }

    private void row(int lineNo, String line) {
        String[] fields = split(line);
        int t = lists.size();
        if (fields.length != t + 1) {
            throw new MalformedCaptureTableException(
                    lineNo,
                    0,
                    Kind.COLUMN_COUNT,
                    Map.of("expected", t + 1, "found", fields.length),
                    "expected " + (t + 1) + " columns like the header, found " + fields.length);
        }
        int history = 0;
        for (int c = 0; c < t; c++) {
            if (!fields[c].equals("0") && !fields[c].equals("1")) {
                throw new MalformedCaptureTableException(
                        lineNo,
                        c + 1,
                        Kind.NOT_ZERO_ONE,
                        Map.of("list", lists.get(c), "found", fields[c]),
                        "list '" + lists.get(c) + "' must be 0 or 1, found '" + fields[c] + "'");
            }
            history |= (fields[c].equals("1") ? 1 : 0) << c;
        }
        if (history == 0) {
            throw new MalformedCaptureTableException(
                    lineNo,
                    0,
                    Kind.ALL_ZERO_ROW,
                    Map.of(),
                    "all-zero capture history: the unobserved cases cannot be counted");
        }
        if (lineOfHistory[history] != 0) {
            throw new MalformedCaptureTableException(
                    lineNo,
                    0,
                    Kind.DUPLICATE_HISTORY,
                    Map.of("previousLine", lineOfHistory[history]),
                    "duplicate capture history, already given on line " + lineOfHistory[history]);
        }
        lineOfHistory[history] = lineNo;
        counts[history] = count(lineNo, t + 1, fields[t]);
    }

    private static long count(int lineNo, int column, String field) {
        long value;
        try {
            value = Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new MalformedCaptureTableException(
                    lineNo,
                    column,
                    Kind.COUNT_NOT_INTEGER,
                    Map.of("found", field),
                    "count must be a non-negative integer, found '" + field + "'");
        }
        if (value < 0) {
            throw new MalformedCaptureTableException(
                    lineNo,
                    column,
                    Kind.COUNT_NEGATIVE,
                    Map.of("found", value),
                    "count must be non-negative, found " + value);
        }
        return value;
    }

    private static String[] split(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
    }
}
