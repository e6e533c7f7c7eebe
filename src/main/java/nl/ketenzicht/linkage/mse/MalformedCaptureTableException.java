package nl.ketenzicht.linkage.mse;

import java.util.Map;

/**
 * The CSV overlap table cannot be read; the message names the line and column (both 1-based).
 * {@link #kind()} and {@link #details()} say the same for a caller that words it in another language.
 */
public final class MalformedCaptureTableException extends IllegalArgumentException {

    /** What is wrong with the file. */
    public enum Kind {
        EMPTY_FILE,
        NO_ROWS,
        LAST_COLUMN_COUNT,
        TOO_FEW_LISTS,
        TOO_MANY_LISTS,
        LIST_NAME,
        COLUMN_COUNT,
        NOT_ZERO_ONE,
        ALL_ZERO_ROW,
        DUPLICATE_HISTORY,
        COUNT_NOT_INTEGER,
        COUNT_NEGATIVE
    }

    private final int line;
    private final int column;
    private final Kind kind;
    private final Map<String, Object> details;

    MalformedCaptureTableException(int line, int column, Kind kind, Map<String, Object> details, String problem) {
        super(column > 0 ? "line " + line + ", column " + column + ": " + problem : "line " + line + ": " + problem);
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.details = Map.copyOf(details);
    }

    public int line() {
        return line;
    }

    /** 0 when the problem concerns the whole line. */
    public int column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** The values the message names (e.g. {@code found}, {@code expected}), without line and column. */
    public Map<String, Object> details() {
        return details;
    }
}
