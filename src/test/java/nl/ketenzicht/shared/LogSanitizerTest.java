package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class LogSanitizerTest {

    private static final String FORGED =
            "user x\r\n[2026-01-01T00:00:00.000+0000] [] [SEVERE] FORGED line\u2028FORGED too\u001b[31m";

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("a\\r\\nb\\tc\\u001bd\\u2028e\\u0085", LogSanitizer.escape("a\r\nb\tc\u001bd\u2028e\u0085"));
        assertEquals("plain text, ünïcode", LogSanitizer.escape("plain text, ünïcode"));
    }

    @Test
    void noPartOfARecordCanStartALineOfItsOwn() {
        LogRecord r = new LogRecord(Level.WARNING, "login failed for " + FORGED + " and {0}");
        r.setParameters(new Object[] {FORGED, 42});
        r.setThrown(
                new IllegalStateException("wrapped: " + FORGED, new SQLException("Duplicate entry '" + FORGED + "'")));
        String out = format(r);
        for (String line : out.split("\\R")) {
            assertFalse(line.startsWith("[2026-01-01") || line.startsWith("FORGED"), "forged line in:\n" + out);
            assertFalse(line.contains("\u001b"), "no terminal escape codes");
        }
        assertTrue(out.contains("login failed for user x\\r\\n[2026-01-01"), out);
        assertTrue(
                out.contains("Caused by: java.sql.SQLException: Duplicate entry 'user x\\r\\n"),
                "causes keep their place: " + out);
        assertTrue(out.contains("at nl.ketenzicht.shared.LogSanitizerTest"), "stack frames stay: " + out);
    }

    @Test
    void aFilterInstalledBeforeStillDecides() {
        LogRecord r = new LogRecord(Level.INFO, "x\ny");
        var filter = new LogSanitizer.EscapingFilter(rec -> !rec.getMessage().contains("\n"));
        assertTrue(filter.isLoggable(r), "the earlier filter sees the escaped record");
        assertEquals("x\\ny", r.getMessage());
    }

    private static String format(LogRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamHandler h = new StreamHandler(bytes, new SimpleFormatter());
        h.setFilter(new LogSanitizer.EscapingFilter(null));
        h.publish(r);
        h.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
