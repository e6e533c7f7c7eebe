package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SqlTimes writes UTC whatever the JVM's zone; these run in Amsterdam, where production runs. */
class SqlTimesTest {

    private TimeZone before;

    @BeforeEach
    void inAmsterdam() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void anInstantIsItsUtcTime() {
        assertEquals("2024-07-01 12:00:00.123000", SqlTimes.text(Instant.parse("2024-07-01T12:00:00.123Z")));
        assertEquals(null, SqlTimes.text(null));
    }

    @Test
    void aDayStartsAtUtcMidnightNotAtTheJvmsMidnight() {
        LocalDate day = LocalDate.of(2024, 3, 6);
        assertEquals("2024-03-06 00:00:00.000000", SqlTimes.startOf(day));
        assertEquals(null, SqlTimes.startOf(null));
        assertEquals(
                Instant.parse("2024-03-05T23:00:00Z"),
                Timestamp.valueOf(day.atStartOfDay()).toInstant(),
                "what the audit log's day filters bound before: the JVM's midnight, an hour early in winter");
    }
}
