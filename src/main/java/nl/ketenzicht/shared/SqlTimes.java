package nl.ketenzicht.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the SQL text the driver sends for them on our sessions, which run in UTC
 * (serverTimezone=UTC, forced to the session; see {@link Database}). Bound as text, a batch of thousands
 * of rows skips the driver's per-value date formatting, which it does twice per value with
 * rewriteBatchedStatements (once to size the statement): a sixth of a bulk import's CPU.
 * A Timestamp or Instant parameter is bound in UTC too (the driver converts it to the connection's zone);
 * what is not is a Timestamp made from a LocalDateTime, which names the JVM's local time: a day's bounds
 * are {@link #startOf} instead.
 */
public final class SqlTimes {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private SqlTimes() {}

    public static String text(Instant t) {
        return t == null ? null : UTC.format(t);
    }

    /** The first moment of a day as the API's times count days: in UTC, whatever the JVM's zone. */
    public static String startOf(LocalDate day) {
        return day == null ? null : text(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
