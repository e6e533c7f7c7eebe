package nl.ketenzicht.support.arquillian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterClass;
import org.jboss.arquillian.test.spi.event.suite.BeforeClass;

/**
 * Settings of the test server for one test class, so that classes that need a server of their own
 * (their own database, demo mode, a database behind a proxy) can share a failsafe execution and run
 * side by side in its JVMs. The system property {@code it.server.<SimpleClassName>} holds
 * whitespace-separated {@code key=value} MicroProfile Config entries; {@link SharedPayaraMicro}
 * passes them to that class's Payara Micro as -D options (system properties outrank the
 * environment), and they are set in the test JVM while the class runs, where
 * {@link nl.ketenzicht.support.Settings} reads them. Observed before Arquillian deploys for the class.
 */
public class ServerSettings {

    private static volatile Map<String, String> current = Map.of();

    /** The entries for the class being deployed (empty: the execution's environment as it is). */
    static Map<String, String> current() {
        return current;
    }

    public void before(@Observes(precedence = 100) BeforeClass event) {
        String name = event.getTestClass().getJavaClass().getSimpleName();
        Map<String, String> settings = parse(System.getProperty("it.server." + name, ""));
        settings.forEach(System::setProperty);
        current = settings;
    }

    public void after(@Observes(precedence = -100) AfterClass event) {
        current.keySet().forEach(System::clearProperty);
        current = Map.of();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : text.trim().split("\\s+")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                entries.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return Map.copyOf(entries);
    }
}
