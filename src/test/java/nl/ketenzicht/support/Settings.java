package nl.ketenzicht.support;

import java.util.Locale;

/**
 * The application's settings as the test server of the running class got them: a system property
 * set for that class (see {@link nl.ketenzicht.support.arquillian.ServerSettings}), else the
 * environment that failsafe gave the test JVM and the server alike (ketenzicht.db.url ->
 * KETENZICHT_DB_URL, as MicroProfile Config maps it).
 */
public final class Settings {

    private Settings() {}

    public static String get(String key) {
        String value = System.getProperty(key);
        return value != null
                ? value
                : System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    public static String dbUrl() {
        return get("ketenzicht.db.url");
    }
}
