package nl.ketenzicht.linkage.mse;

/** The CSV overlap table cannot be read; the message names the line and column (both 1-based). */
public final class MalformedCaptureTableException extends IllegalArgumentException {

    private final int line;
    private final int column;

    MalformedCaptureTableException(int line, int column, String problem) {
        super(column > 0 ? "line " + line + ", column " + column + ": " + problem : "line " + line + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    /** 0 when the problem concerns the whole line. */
    public int column() {
        return column;
    }
}
