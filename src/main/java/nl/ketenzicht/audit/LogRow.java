package nl.ketenzicht.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.ketenzicht.shared.SqlTimes;

/**
 * One access-log row, captured in the request's thread (the caller, address and correlation id live
 * there), and the statements that insert rows on a given connection.
 */
record LogRow(
        Timestamp occurredAt,
        String actor,
        String username,
        String role,
        Long organisationId,
        AccessEvent event,
        String accessPoint,
        String correlationId) {

    private static final String INSERT = "INSERT INTO access_log (occurred_at, actor, username, role, organisation_id, "
            + "action, crud, object_type, object_ids, subject_ids, outcome, access_point, purpose, break_glass, correlation_id, owner_ids) VALUES ";
    private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts the rows: those without index entries in one multi-row statement, each other one with
     * its subject and owner index (which need the row's own id, LAST_INSERT_ID()). One statement when
     * there are no index entries; otherwise the caller runs this in a transaction.
     */
    static void insert(Connection c, List<LogRow> rows) throws SQLException {
        List<LogRow> plain = new ArrayList<>();
        for (LogRow r : rows) {
            if (r.indexed()) {
                insertRows(c, List.of(r));
                insertIndex(
                        c,
                        "access_log_subject (entry_id, subject_id)",
                        r.event().subjectIds(),
                        s -> "(LAST_INSERT_ID(), " + s + ")");
                insertIndex(
                        c,
                        "access_log_owner (organisation_id, entry_id)",
                        r.otherOwners(),
                        o -> "(" + o + ", LAST_INSERT_ID())");
            } else {
                plain.add(r);
            }
        }
        if (!plain.isEmpty()) {
            insertRows(c, plain);
        }
    }

    /**
     * Inserts many rows as one batch (the driver rewrites it into multi-row statements), then their
     * subject and owner index entries the same way, with the ids the batch returned.
     */
    static void insertBatch(Connection c, List<LogRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        long[] ids = new long[rows.size()];
        try (PreparedStatement s = c.prepareStatement(INSERT + VALUES, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (LogRow r : rows) {
                r.bind(s, 1);
                s.addBatch();
            }
            s.executeBatch();
            try (java.sql.ResultSet keys = s.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("access_log: fewer ids than rows");
                    }
                    ids[i] = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement subjects =
                        c.prepareStatement("INSERT INTO access_log_subject (entry_id, subject_id) VALUES (?, ?)");
                PreparedStatement owners =
                        c.prepareStatement("INSERT INTO access_log_owner (organisation_id, entry_id) VALUES (?, ?)")) {
            boolean anySubject = false;
            boolean anyOwner = false;
            for (int i = 0; i < ids.length; i++) {
                for (long subject :
                        rows.get(i).event().subjectIds().stream().distinct().toList()) {
                    subjects.setLong(1, ids[i]);
                    subjects.setLong(2, subject);
                    subjects.addBatch();
                    anySubject = true;
                }
                for (long owner : rows.get(i).otherOwners().stream().distinct().toList()) {
                    owners.setLong(1, owner);
                    owners.setLong(2, ids[i]);
                    owners.addBatch();
                    anyOwner = true;
                }
            }
            if (anySubject) {
                subjects.executeBatch();
            }
            if (anyOwner) {
                owners.executeBatch();
            }
        }
    }

    static boolean oneStatement(List<LogRow> rows) {
        return rows.stream().noneMatch(LogRow::indexed);
    }

    private boolean indexed() {
        return !event.subjectIds().isEmpty() || !otherOwners().isEmpty();
    }

    /** Owners other than the actor's organisation: only they need the owner index to find the entry. */
    private List<Long> otherOwners() {
        return event.ownerIds().stream().filter(o -> !o.equals(organisationId)).toList();
    }

    private static void insertRows(Connection c, List<LogRow> rows) throws SQLException {
        String sql = INSERT + String.join(", ", java.util.Collections.nCopies(rows.size(), VALUES));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int at = 1;
            for (LogRow r : rows) {
                at = r.bind(s, at);
            }
            s.executeUpdate();
        }
    }

    private static void insertIndex(
            Connection c, String table, List<Long> ids, java.util.function.Function<Long, String> value)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // Ids are Longs from our own records, never user text, so inlining them is safe.
        String values = ids.stream().distinct().map(value).collect(Collectors.joining(","));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " VALUES " + values)) {
            s.executeUpdate();
        }
    }

    private int bind(PreparedStatement s, int at) throws SQLException {
        s.setString(at, SqlTimes.text(occurredAt.toInstant()));
        s.setString(at + 1, actor);
        s.setString(at + 2, username);
        s.setString(at + 3, role);
        if (organisationId == null) {
            s.setNull(at + 4, Types.BIGINT);
        } else {
            s.setLong(at + 4, organisationId);
        }
        s.setString(at + 5, event.action().name());
        s.setString(at + 6, String.valueOf(event.action().crud()));
        s.setString(at + 7, event.objectType());
        s.setString(at + 8, join(event.objectIds()));
        s.setString(at + 9, join(event.subjectIds()));
        s.setString(at + 10, event.outcome().name());
        s.setString(at + 11, accessPoint);
        s.setString(at + 12, event.purpose());
        s.setBoolean(at + 13, event.breakGlass());
        s.setString(at + 14, correlationId);
        s.setString(at + 15, join(event.ownerIds()));
        return at + 16;
    }

    static String join(List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
