package nl.ketenzicht.shared;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log record is one entry: the server's log handlers get a filter that escapes CR, LF and every
 * other control character in a record's message, parameters and exception messages, whoever logs
 * it (our code, Jersey, the server). User text that reaches a log line (a user name, a path, a
 * header, an exception quoting a value) can then never start a line of its own, nor send terminal
 * escape codes. Stack frames stay one per line: they are the code's, not the user's. The same filter
 * drops the connector's per-request warnings about an unreachable database ({@link PoolWarnings}).
 */
@ApplicationScoped
public class LogSanitizer {

    /**
     * The server's own start-up reports, multi-line by design and free of request data. Tools read
     * them as written: Arquillian's Payara Micro container parses the instance description.
     */
    private static final Set<String> VERBATIM = Set.of("PayaraMicro", "fish.payara.boot.runtime.BootCommand");

    private final List<Handler> installedOn = new ArrayList<>();

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (!(h.getFilter() instanceof EscapingFilter)) {
                h.setFilter(new EscapingFilter(h.getFilter()));
                installedOn.add(h);
            }
        }
    }

    @PreDestroy
    void uninstall() {
        for (Handler h : installedOn) {
            if (h.getFilter() instanceof EscapingFilter f) {
                h.setFilter(f.previous);
            }
        }
        installedOn.clear();
    }

    /** The text with control characters (and Unicode line separators) written as escapes: one line. */
    public static String escape(String s) {
        if (s == null || !needsEscape(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (unsafe(ch)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafe(char ch) {
        return Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029';
    }

    /** Rewrites the record in place, then asks the handler's earlier filter, if any. */
    static final class EscapingFilter implements Filter {

        private final Filter previous;

        EscapingFilter(Filter previous) {
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(LogRecord r) {
            if (PoolWarnings.unreachable(r)) {
                return false;
            }
            if (r.getLoggerName() == null || !VERBATIM.contains(r.getLoggerName())) {
                sanitize(r);
            }
            return previous == null || previous.isLoggable(r);
        }
    }

    static void sanitize(LogRecord r) {
        r.setMessage(escape(r.getMessage()));
        Object[] params = r.getParameters();
        if (params != null) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] != null && !(params[i] instanceof Number) && !(params[i] instanceof Boolean)) {
                    String text = String.valueOf(params[i]);
                    if (needsEscape(text)) {
                        params[i] = escape(text);
                    }
                }
            }
        }
        if (r.getThrown() != null && unsafeChain(r.getThrown())) {
            r.setThrown(Escaped.of(r.getThrown(), new IdentityHashMap<>()));
        }
    }

    private static boolean unsafeChain(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (needsEscape(String.valueOf(t.getMessage())) || unsafeSuppressed(t, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafeSuppressed(Throwable t, Map<Throwable, Boolean> seen) {
        for (Throwable s : t.getSuppressed()) {
            if (!seen.containsKey(s) && unsafeChain(s)) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in for a throwable whose text is escaped: same stack, same causes, printed alike. */
    static final class Escaped extends Throwable {

        private final String text;

        private Escaped(String text) {
            super(text);
            this.text = text;
        }

        static Throwable of(Throwable t, Map<Throwable, Throwable> done) {
            Throwable copy = done.get(t);
            if (copy != null) {
                return copy;
            }
            Escaped e = new Escaped(escape(t.toString()));
            done.put(t, e);
            e.setStackTrace(t.getStackTrace());
            if (t.getCause() != null && of(t.getCause(), done) != e) {
                e.initCause(done.get(t.getCause()));
            }
            for (Throwable s : t.getSuppressed()) {
                Throwable sc = of(s, done);
                if (sc != e) {
                    e.addSuppressed(sc);
                }
            }
            return e;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
