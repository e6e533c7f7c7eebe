package nl.ketenzicht.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import nl.ketenzicht.reports.aggregates.CaseContribution;
import nl.ketenzicht.reports.aggregates.ReportAggregates;

/**
 * The raw JDBC baseline: the rows the application writes for one created case (case_file, its two
 * element-collection rows, one access_log row) or reads for one case (the case and its two
 * collections, plus the access_log row), one transaction per case as in the API, one connection
 * per thread. With and without the log row, so the cost of auditing shows as a ratio.
 */
final class JdbcCases implements AutoCloseable {

    private static final String INSERT_CASE =
            "INSERT INTO case_file (owner_organisation_id, municipality_code, police_unit, "
                    + "court_district, prosecution_office, opened_on, origin, signalling_organisation_id, team_type, suspect_count, "
                    + "network, status, closed_on, closing_reason, version, created_at, created_by) "
                    + "VALUES (?, 'GM0363', 'AMS', 'AMS', 'AP-AMS', ?, 'AMBTSHALVE', NULL, 'AVIM', 2, TRUE, 'OPEN', NULL, NULL, 1, ?, ?)";
    private static final String INSERT_LOG =
            "INSERT INTO access_log (occurred_at, actor, username, role, organisation_id, "
                    + "action, crud, object_type, object_ids, subject_ids, outcome, access_point, purpose, break_glass, correlation_id) "
                    + "VALUES (?, ?, NULL, 'CASEWORKER', ?, ?, ?, 'case', ?, NULL, 'SUCCESS', '127.0.0.1', NULL, FALSE, ?)";

    /** The report dimensions of the case that INSERT_CASE writes (GM0363 lies in police unit AMS). */
    private static final CaseContribution.Dimensions DIMENSIONS =
            new CaseContribution.Dimensions("AMS", "AMS", "AP-AMS", 2024, 1, "AMBTSHALVE", "AVIM", "SEXUAL");

    private final long organisationId;
    private final List<Connection> connections = new ArrayList<>();
    /** Appended to by every create (a copy-on-write list here made each create cost O(created)). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> created =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private volatile long[] readable = new long[0];

    JdbcCases(String url, String user, String password, int threads, long organisationId) throws SQLException {
        this.organisationId = organisationId;
        for (int i = 0; i < threads; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
    }

    void create(int worker, boolean log) throws SQLException {
        create(worker, log, false);
    }

    /**
     * With {@code aggregates}, also the report rows the application writes for a new case (its fact
     * and a counter delta), through the same {@link ReportAggregates#created(Connection, long,
     * CaseContribution.Dimensions)} call, from the values just inserted: nothing is read back.
     */
    void create(int worker, boolean log, boolean aggregates) throws SQLException {
        Connection c = connections.get(worker);
        try (PreparedStatement ps = c.prepareStatement(INSERT_CASE, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, organisationId);
            ps.setObject(2, LocalDate.of(2024, 3, 1));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, "token:bench");
            ps.executeUpdate();
            long id;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
            child(c, "INSERT INTO case_exploitation_form (case_id, code) VALUES (?, 'SEXUAL')", id);
            child(c, "INSERT INTO case_investigation_method (case_id, code) VALUES (?, 'DIGITAL')", id);
            if (log) {
                log(c, id, "CREATE", "C");
            }
            if (aggregates) {
                ReportAggregates.created(c, id, DIMENSIONS);
            }
            c.commit();
            created.add(id);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    void read(int worker, boolean log) throws SQLException {
        Connection c = connections.get(worker);
        long[] ids = readable;
        long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        try {
            query(c, "SELECT * FROM case_file WHERE id = ? AND owner_organisation_id = " + organisationId, id);
            query(c, "SELECT code FROM case_exploitation_form WHERE case_id = ?", id);
            query(c, "SELECT code FROM case_investigation_method WHERE case_id = ?", id);
            if (log) {
                log(c, id, "READ", "R");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Reads go to the cases created before. */
    void readFromCreated() {
        readable = created.stream().mapToLong(Long::longValue).toArray();
        if (readable.length == 0) {
            throw new IllegalStateException("no cases were created to read");
        }
    }

    private void log(Connection c, long id, String action, String crud) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_LOG)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, "token:bench");
            ps.setLong(3, organisationId);
            ps.setString(4, action);
            ps.setString(5, crud);
            ps.setString(6, String.valueOf(id));
            ps.setString(7, Long.toHexString(ThreadLocalRandom.current().nextLong()));
            ps.executeUpdate();
        }
    }

    private static void child(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static void query(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }
}
