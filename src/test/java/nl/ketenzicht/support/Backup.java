package nl.ketenzicht.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The documented backup procedure (README, "Backup and restore"), run for real: mysqldump of the
 * schema with a consistent snapshot, restored into a fresh schema, then compared.
 */
public final class Backup {

    private Backup() {}

    public static void dumpAndRestore(String source, String target) throws IOException, InterruptedException {
        File dump = File.createTempFile("ketenzicht-backup", ".sql");
        run(List.of(
                "bash", "-c", "mysqldump -uroot --single-transaction --routines --triggers " + source + " > " + dump));
        run(List.of(
                "mysql",
                "-uroot",
                "-e",
                "DROP DATABASE IF EXISTS `" + target + "`; CREATE DATABASE `" + target
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
        run(List.of("bash", "-c", "mysql -uroot " + target + " < " + dump));
        dump.delete();
    }

    public static String checksum(String schema, String table) throws IOException, InterruptedException {
        return run(List.of("mysql", "-uroot", "-N", "-e", "CHECKSUM TABLE `" + schema + "`.`" + table + "` EXTENDED"))
                .replace(schema + ".", "")
                .strip();
    }

    /** Runs the command-line verifier on the restored schema; returns its exit code. */
    public static int verifyChain(String schema) throws Exception {
        String url = System.getenv("KETENZICHT_DB_URL").replaceAll("/[^/]*$", "/" + schema);
        run(List.of(
                "mysql",
                "-uroot",
                "-e",
                "GRANT SELECT ON `" + schema + "`.* TO '" + System.getenv("KETENZICHT_DB_MIGRATION_USER") + "'@'%'"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Class<?> command = Class.forName("nl.ketenzicht.audit.VerifyCommand");
        var method =
                command.getDeclaredMethod("run", String[].class, String.class, PrintStream.class, PrintStream.class);
        method.setAccessible(true);
        int code = (int) method.invoke(
                null,
                new String[] {url, System.getenv("KETENZICHT_DB_MIGRATION_USER")},
                System.getenv("KETENZICHT_DB_MIGRATION_PASSWORD"),
                new PrintStream(out),
                new PrintStream(out));
        if (code != 0) {
            throw new AssertionError("verifier: " + out.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    /**
     * The application's start on a restored schema, as the README's restore describes it: the migration
     * account holds the schema (created with the accounts on a new server), then the migrations run.
     */
    public static void startApplicationOn(String schema) throws IOException, InterruptedException {
        run(List.of(
                "mysql",
                "-uroot",
                "-e",
                "GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + System.getenv("KETENZICHT_DB_MIGRATION_USER")
                        + "'@'%' WITH GRANT OPTION"));
        nl.ketenzicht.shared.DatabaseMigrator.flyway(
                        urlOf(schema),
                        System.getenv("KETENZICHT_DB_MIGRATION_USER"),
                        System.getenv("KETENZICHT_DB_MIGRATION_PASSWORD"),
                        System.getenv("KETENZICHT_DB_USER"),
                        "%")
                .migrate();
    }

    /** Whether the application's account may read and write the schema's tables. */
    public static boolean applicationCanWork(String schema) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        urlOf(schema), System.getenv("KETENZICHT_DB_USER"), System.getenv("KETENZICHT_DB_PASSWORD"));
                java.sql.Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM case_file").close();
            st.executeQuery("SELECT COUNT(*) FROM access_log").close();
            return true;
        } catch (java.sql.SQLException denied) {
            return false;
        }
    }

    /** The checksum Flyway last recorded for the grant migration. */
    public static String grantChecksum(String schema) throws IOException, InterruptedException {
        return run(List.of(
                        "mysql",
                        "-uroot",
                        "-N",
                        "-e",
                        "SELECT checksum FROM `" + schema + "`.flyway_schema_history "
                                + "WHERE script = 'R__Grant_application_user.sql' ORDER BY installed_rank DESC LIMIT 1"))
                .strip();
    }

    private static String urlOf(String schema) {
        return System.getenv("KETENZICHT_DB_URL").replaceAll("/[^/]*$", "/" + schema);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
        return output;
    }
}
