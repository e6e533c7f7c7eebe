package nl.ketenzicht.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.ketenzicht.linkage.Keyer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's database in a folder under java.io.tmpdir (as a clone under /tmp has it) keeps its rows
 * when the launcher is stopped with Ctrl-C (SIGINT) or SIGTERM and started again: each stop ends a
 * separate JVM that runs the launcher's database start and shutdown hook ({@link Probe}); the last
 * start and stop happen in this JVM. The secrets file gives a linkage secret long enough to register
 * with, upgrades a short one once and keeps it from then on.
 */
class DemoDataSurvivesRestartTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rowsSurviveSigintSigtermAndRestartsUnderTheTempFolder() throws Exception {
        Path home = Files.createTempDirectory("ketenzicht-demo-clone");
        assertTrue(home.toAbsolutePath()
                .startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()));
        Path data = home.resolve("data");
        Files.createDirectories(data);
        // A secrets file as the launcher wrote it before: a 24-character linkage secret.
        Files.writeString(data.resolve("demo-secrets.properties"), "linkage.secret=abcdefghijklmnopqrstuvwx\n");
        DemoSecrets secrets = DemoSecrets.loadOrCreate(data.resolve("demo-secrets.properties"));
        String linkage = secrets.get(DemoSecrets.LINKAGE_SECRET);
        assertTrue(
                linkage.length() >= Keyer.MIN_SECRET_LENGTH,
                "linkage secret long enough to register: " + linkage.length());
        assertNotEquals("abcdefghijklmnopqrstuvwx", linkage, "a short secret is replaced");
        new Keyer(linkage); // the application's own check accepts it
        assertEquals(
                linkage,
                DemoSecrets.loadOrCreate(data.resolve("demo-secrets.properties"))
                        .get(DemoSecrets.LINKAGE_SECRET),
                "and kept from then on");

        // A server deletes every #sql* file in its tmpdir when it starts: another server's open
        // temporary tables, when that tmpdir is /tmp. The embedded server must keep to its own.
        Path foreign = Files.createTempFile("#sql-temptable-of-another-server-", ".MAI");
        int port = freePort();
        assertEquals("[first]", runAndStop(data, port, "first", "INT"));
        assertEquals(
                "[first, second]",
                runAndStop(data, port, "second", "TERM"),
                "the row written before Ctrl-C is still there");
        EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("mariadb"), port);
        try {
            db.prepare(secrets);
            assertEquals(
                    List.of("first", "second", "third"),
                    Probe.writeAndRead(db, secrets, "third"),
                    "the rows written before SIGINT and SIGTERM are still there");
        } finally {
            db.stop();
        }
        db = EmbeddedDatabase.start(data.resolve("mariadb"), port);
        try {
            db.prepare(secrets);
            assertEquals(
                    List.of("first", "second", "third", "fourth"),
                    Probe.writeAndRead(db, secrets, "fourth"),
                    "and after a stop and start in one JVM");
        } finally {
            db.stop();
        }
        assertTrue(
                Files.exists(foreign), "another server's temporary table in " + foreign.getParent() + " is left alone");
        Files.delete(foreign);
        deleteTree(home);
    }

    /**
     * Starts a launcher-like JVM that writes {@code row}, then stops it with the signal and waits for
     * its end; returns the rows it found after writing.
     */
    private static String runAndStop(Path data, int port, String row, String signal) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // Ctrl-C as a terminal gives it: a JVM started from a background job of a non-interactive shell (as CI
        // may run the build) inherits SIGINT as ignored and never sees it, so perl (part of every Debian)
        // sets it back to the default before it becomes the probe's JVM.
        Process p = new ProcessBuilder(
                        "perl",
                        "-e",
                        "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        Probe.class.getName(),
                        data.toString(),
                        String.valueOf(port),
                        row)
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("PROBE READY")) {
                    break;
                }
            }
            assertTrue(output.stream().anyMatch(l -> l.startsWith("PROBE READY")), "the probe started: " + output);
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the probe did not end within 60 s after SIG" + signal + ": " + output);
            }
            while ((line = out.readLine()) != null) {
                output.add(line);
            }
        } finally {
            p.destroyForcibly();
        }
        assertTrue(
                output.stream().anyMatch(l -> l.startsWith("PROBE STOPPED")),
                "its shutdown hook stopped the database: " + output);
        return output.stream()
                .filter(l -> l.startsWith("PROBE READY "))
                .findFirst()
                .orElseThrow()
                .substring("PROBE READY ".length());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The launcher's database part: start, prepare, a shutdown hook that stops the server; writes a row and waits. */
    static final class Probe {

        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            DemoSecrets secrets = DemoSecrets.loadOrCreate(data.resolve("demo-secrets.properties"));
            EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("mariadb"), Integer.parseInt(args[1]));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.stop();
                System.out.println("PROBE STOPPED");
            }));
            db.prepare(secrets);
            System.out.println("PROBE READY " + writeAndRead(db, secrets, args[2]));
            Thread.sleep(Long.MAX_VALUE);
        }

        static List<String> writeAndRead(EmbeddedDatabase db, DemoSecrets secrets, String row) throws SQLException {
            try (Connection c = DriverManager.getConnection(
                            db.jdbcUrl() + "?allowPublicKeyRetrieval=true&useSSL=false",
                            EmbeddedDatabase.MIGRATION_USER,
                            secrets.get(DemoSecrets.MIGRATION_PASSWORD));
                    Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE IF NOT EXISTS restart_probe (id INT AUTO_INCREMENT PRIMARY KEY, row_name VARCHAR(20))");
                s.executeUpdate("INSERT INTO restart_probe (row_name) VALUES ('" + row + "')");
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT row_name FROM restart_probe ORDER BY id")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return rows;
            }
        }
    }
}
