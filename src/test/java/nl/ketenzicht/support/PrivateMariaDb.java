package nl.ketenzicht.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own (own data directory under target/, own port and socket),
 * started with the shipped production settings (config/mysql/ketenzicht.cnf), so that a test may
 * kill it hard without touching the local server other test runs share. Root is reached over the
 * socket, as src/test/db/create-test-db.sh does on the shared server.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    /** A fresh data directory, the server started, and a database with the two accounts of the integration tests. */
    public static PrivateMariaDb startFresh(Path dir, int port, String database, String appUser, String migrationUser) {
        PrivateMariaDb db = new PrivateMariaDb(dir, port);
        try {
            db.initialise();
            db.start();
            db.sql("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + "CREATE USER '" + migrationUser + "'@'%' IDENTIFIED BY 'migrator-it-secret';"
                    + "CREATE USER '" + appUser + "'@'%' IDENTIFIED BY 'app-it-secret';"
                    + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + migrationUser + "'@'%' WITH GRANT OPTION;");
            return db;
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
    }

    private void initialise() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        // A starting server deletes every #sql* file in its tmpdir: with /tmp, the shared server's open temporary
        // tables.
        run(
                List.of(
                        "mariadb-install-db",
                        "--no-defaults",
                        "--user=root",
                        "--datadir=" + dir.resolve("data"),
                        "--skip-test-db",
                        "--tmpdir=" + dir.resolve("tmp")),
                "mariadb-install-db");
    }

    /** Starts the server on the existing data directory (after a kill: with crash recovery) and waits until it answers. */
    public void start() {
        List<String> cmd = new ArrayList<>(List.of(
                "mariadbd",
                "--defaults-file=" + Path.of("config/mysql/ketenzicht.cnf").toAbsolutePath(),
                "--user=root",
                "--datadir=" + dir.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socket(),
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--log-error=" + dir.resolve("error.log"),
                "--innodb-buffer-pool-size=64M",
                "--max-connections=100",
                "--tmpdir=" + dir.resolve("tmp")));
        try {
            server = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "mariadbd ended with " + server.exitValue() + "; see " + dir.resolve("error.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                if (sqlQuietly("SELECT 1")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting or recovering
            }
            sleep(200);
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within 60 s");
    }

    /** SIGKILL: no shutdown, no flush; what was not on disk is gone. */
    public void kill() {
        server.destroyForcibly();
        try {
            server.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the server keeps its connections and accepts new ones, but answers nothing. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            run(List.of("kill", "-" + name, String.valueOf(server.pid())), "kill -" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs statements as root over the socket; fails on any error. */
    public void sql(String statements) {
        if (!sqlQuietly(statements)) {
            throw new IllegalStateException("SQL failed on the private server: " + statements);
        }
    }

    private boolean sqlQuietly(String statements) {
        try {
            Process p = new ProcessBuilder(
                            "mariadb", "--no-defaults", "-uroot", "--socket=" + socket(), "-e", statements)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String socket() {
        return dir.resolve("mariadbd.sock").toString();
    }

    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run(List<String> cmd, String what) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
