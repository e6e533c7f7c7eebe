package nl.ketenzicht.shared;

import java.util.Set;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Payara's connector writes three warnings (RAR5038, RAR5117, RAR5114) for every request that finds
 * no database connection, each quoting the driver, and errors with a stack trace (RAR5031, RAR5027)
 * for every request whose pooled connection broke with the database: 134 MB in a minute of outage.
 * {@link LogSanitizer} drops those whose cause is a database that cannot be reached, since
 * {@link DatabaseAvailability} logs each outage once; the others (a refused login, a missing
 * database, an exhausted pool) stay.
 */
final class PoolWarnings {

    /** The connector's loggers (allocator, connectors, gjc.spi, resource, resource.rm, ...). */
    static final String LOGGERS = "javax.enterprise.resource.resourceadapter.";
    /** What the driver says when the server is gone, stalled or unreachable, or a connection broke with it. */
    static final Set<String> UNREACHABLE = Set.of(
            "Communications link failure",
            "Connection refused",
            "connect timed out",
            "Read timed out",
            "Connection reset",
            "Broken pipe",
            "Socket closed",
            "No operations allowed after connection closed",
            "Unable to enlist the resource in transaction",
            "Got exception during XAResource.start");

    private static final SimpleFormatter TEXT = new SimpleFormatter();

    private PoolWarnings() {}

    /** A connector warning about a database that cannot be reached, in its message, parameters or causes. */
    static boolean unreachable(LogRecord r) {
        if (r.getLoggerName() == null || !r.getLoggerName().startsWith(LOGGERS)) {
            return false;
        }
        if (DatabaseAvailability.knownDown()) {
            // During an outage every connector complaint is about it (some arrive as bare bundle keys, "RAR7132").
            return true;
        }
        StringBuilder text = new StringBuilder(String.valueOf(r.getMessage()));
        try {
            text.append(' ').append(TEXT.formatMessage(r)); // the connector's messages are keys of its resource bundle
        } catch (RuntimeException unformattable) {
            // The raw message and parameters below still count.
        }
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                text.append(' ').append(p);
            }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        for (String marker : UNREACHABLE) {
            if (text.indexOf(marker) >= 0) {
                return true;
            }
        }
        return false;
    }
}
