package nl.ketenzicht.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Direct reads of the integration-test database, to prove what the API did or did not write. Uses
 * the migration account from the same settings the container was started with ({@link Settings}).
 */
public final class Db {

    private Db() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                Settings.dbUrl(),
                Settings.get("ketenzicht.db.migration.user"),
                Settings.get("ketenzicht.db.migration.password"));
    }

    public static long count(String tableAndWhere) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of all the chain's tables, to show that a refused request changed nothing. */
    public static String chainFingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String t : new String[] {
            "case_file",
            "case_exploitation_form",
            "case_investigation_method",
            "case_share",
            "party",
            "party_reference",
            "victim_vulnerability",
            "party_link",
            "aangifte_event",
            "aangifte_reason",
            "chain_event",
            "charge",
            "runaway_episode",
            "care_referral",
            "idempotency_key"
        }) {
            sb.append(t).append('=').append(count(t)).append(' ');
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT (SELECT COALESCE(SUM(version), 0) FROM case_file) + (SELECT COALESCE(SUM(version), 0) FROM party)")) {
            rs.next();
            sb.append("versions=").append(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }
}
