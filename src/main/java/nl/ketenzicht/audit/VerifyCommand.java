package nl.ketenzicht.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Command-line verification of the access log's hash chain, for auditors and operators who do not
 * go through the application: {@code java -cp 'target/ketenzicht/WEB-INF/classes:target/ketenzicht/WEB-INF/lib/*'
 * nl.ketenzicht.audit.VerifyCommand JDBC_URL USER [SEQ:HASH]} with the password in KETENZICHT_VERIFY_PASSWORD.
 * Exit 0 when intact, 1 when broken, 2 on a usage or connection error.
 */
public final class VerifyCommand {

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("KETENZICHT_VERIFY_PASSWORD"), System.out, System.err));
    }

    /**
     * Each entry's hash holds its time, read back here: in a session and a driver zone of UTC, as the
     * application writes, whatever this JVM's zone (in another, an intact chain read as broken).
     */
    private static Properties utc(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("forceConnectionTimeZoneToSession", "true");
        return p;
    }

    static int run(String[] args, String password, PrintStream out, PrintStream err) {
        if (args.length != 2 && args.length != 3) {
            err.println(
                    "usage: VerifyCommand JDBC_URL USER [ANCHOR_SEQ:ANCHOR_HASH]   (password in KETENZICHT_VERIFY_PASSWORD;"
                            + " the anchor is the latest 'AUDIT CHAIN ANCHOR' line of the server log)");
            return 2;
        }
        ChainVerifier.Anchor anchor = null;
        if (args.length == 3) {
            String[] parts = args[2].split(":", 2);
            anchor = new ChainVerifier.Anchor(Long.parseLong(parts[0]), parts[1]);
        }
        try (Connection c = DriverManager.getConnection(args[0], utc(args[1], password))) {
            ChainVerifier.Result r = AuditStore.verify(c, AuditStore.horizon(c, AuditSealer.GRACE), anchor);
            out.println(
                    (r.intact() ? "INTACT: " : "BROKEN: ") + r.problem() + " (" + r.sealsChecked() + " seals checked)");
            return r.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("cannot read the access log: " + e.getMessage());
            return 2;
        }
    }
}
