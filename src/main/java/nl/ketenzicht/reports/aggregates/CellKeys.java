package nl.ketenzicht.reports.aggregates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The secret keys behind cell-key perturbation (reports/stats/CellKeyPerturbation). A key is the first
 * four bytes of SHA-256 over the database's secret (report_key, made by V1_14_0) and the parts that
 * name what is counted, joined by '|': for a row of report_funnel its dimensions, for an episode or a
 * referral its kind and id. Java ({@link #of}) and SQL ({@link #sql}) compute the same value, so a
 * rebuild gives every row the key the writers gave it.
 */
public final class CellKeys {

    /** The key of a report_funnel row in SQL, for a row aliased {@code f} joined to report_key {@code k}. */
    public static final String FUNNEL_SQL = sql(
            "k.secret",
            "f.police_unit",
            "f.court_district",
            "f.prosecution_office",
            "f.year",
            "f.quarter",
            "f.origin",
            "f.team_type",
            "f.forms");

    private static volatile String secret;

    private CellKeys() {}

    /** The key of the named thing, 0 .. 2^32−1. */
    public static long of(Connection c, Object... parts) throws SQLException {
        StringBuilder text = new StringBuilder(secret(c));
        for (Object part : parts) {
            text.append('|').append(part);
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The key of a funnel row's dimensions. */
    static long of(Connection c, CaseContribution.Dimensions d) throws SQLException {
        return of(
                c,
                d.policeUnit(),
                d.courtDistrict(),
                d.prosecutionOffice(),
                d.year(),
                d.quarter(),
                d.origin(),
                d.teamType(),
                d.forms());
    }

    /** The same key as {@link #of} in MariaDB/MySQL SQL, over the given column expressions. */
    public static String sql(String secretColumn, String... parts) {
        return "CONV(LEFT(SHA2(CONCAT_WS('|', " + secretColumn + ", " + String.join(", ", parts)
                + "), 256), 8), 16, 10)";
    }

    /** The database's secret, read once: it never changes for a database (one per JVM here). */
    private static String secret(Connection c) throws SQLException {
        String s = secret;
        if (s == null) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT secret FROM report_key WHERE id = 1")) {
                if (!rs.next()) {
                    throw new SQLException("report_key has no secret; migration V1_14_0 makes it");
                }
                s = rs.getString(1);
            }
            secret = s;
        }
        return s;
    }
}
