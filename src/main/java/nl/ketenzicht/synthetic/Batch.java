package nl.ketenzicht.synthetic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Rows for one table, sent as multi-row INSERTs of up to ~1 MB. The rows are written as SQL
 * literals rather than bound to a prepared batch: per-row parameter bindings in the driver (even
 * with rewriteBatchedStatements) cost three times the CPU of the whole rest of the load. That is
 * safe only because every value is a number, a date, or a code from the generator's own lists,
 * and text is checked against a strict pattern before it is written.
 */
final class Batch implements AutoCloseable {

    private static final int MAX_STATEMENT_CHARS = 1 << 20;

    private final String table;
    private final String prefix;
    private final Statement statement;
    private final boolean keys;
    private final StringBuilder sql = new StringBuilder(MAX_STATEMENT_CHARS + 4096);
    private long[] ids = new long[1024];
    private int pending;
    private int rowsInStatement;
    private long written;

    Batch(Connection c, String table, String columns, boolean keys) throws SQLException {
        this.table = table;
        this.keys = keys;
        this.prefix = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.statement = c.createStatement();
    }

    /** Adds one row with the values in column order. */
    void row(Object... values) throws SQLException {
        sql.append(rowsInStatement == 0 ? prefix : ",").append('(');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sql.append(',');
            }
            literal(values[i]);
        }
        sql.append(')');
        rowsInStatement++;
        pending++;
        if (sql.length() >= MAX_STATEMENT_CHARS) {
            send();
        }
    }

    private void literal(Object v) {
        if (v == null) {
            sql.append("NULL");
        } else if (v instanceof Number || v instanceof Boolean) {
            sql.append(v);
        } else if (v instanceof LocalDate d) {
            sql.append('\'').append(d).append('\'');
        } else if (v instanceof Instant t) {
            timestamp(LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC));
        } else {
            String s = v instanceof Enum<?> e ? e.name() : (String) v;
            if (!safe(s)) {
                throw new IllegalArgumentException(
                        table + ": refusing text other than letters, digits and _.:@- : " + s);
            }
            sql.append('\'').append(s).append('\'');
        }
    }

    /** 'yyyy-mm-dd hh:mm:ss.fff' in UTC, the session's zone while the writer runs. */
    private void timestamp(LocalDateTime t) {
        sql.append('\'').append(t.toLocalDate()).append(' ');
        two(t.getHour()).append(':');
        two(t.getMinute()).append(':');
        two(t.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        sql.append(ms < 100 ? ms < 10 ? "00" : "0" : "").append(ms).append('\'');
    }

    private StringBuilder two(int n) {
        return sql.append(n < 10 ? "0" : "").append(n);
    }

    private static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.:@- ".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private void send() throws SQLException {
        if (rowsInStatement == 0) {
            return;
        }
        int from = pending - rowsInStatement;
        if (keys) {
            statement.executeUpdate(sql.toString(), Statement.RETURN_GENERATED_KEYS);
            readKeys(from);
        } else {
            statement.executeUpdate(sql.toString());
        }
        sql.setLength(0);
        rowsInStatement = 0;
    }

    /** One multi-row INSERT takes consecutive auto-increment values; the driver reports one per row. */
    private void readKeys(int from) throws SQLException {
        if (ids.length < pending) {
            ids = java.util.Arrays.copyOf(ids, Math.max(pending, ids.length * 2));
        }
        int n = from;
        try (ResultSet rs = statement.getGeneratedKeys()) {
            while (rs.next() && n < pending) {
                ids[n++] = rs.getLong(1);
            }
        }
        if (n != pending) {
            throw new SQLException(
                    table + ": " + (pending - from) + " rows inserted but " + (n - from) + " ids returned");
        }
    }

    /** Sends the pending rows; returns their generated ids in row order when keys were asked for. */
    long[] flush() throws SQLException {
        send();
        long[] result = keys ? java.util.Arrays.copyOf(ids, pending) : new long[0];
        written += pending;
        pending = 0;
        return result;
    }

    String table() {
        return table;
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
