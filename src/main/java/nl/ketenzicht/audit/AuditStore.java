package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plain JDBC over the log tables: sealing and verification stream rows instead of loading them. */
@ApplicationScoped
public class AuditStore {

    static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor, e.username, e.role, e.organisation_id, "
            + "e.on_behalf_of, e.action, e.crud, e.object_type, e.object_ids, e.subject_ids, e.outcome, "
            + "e.access_point, e.purpose, e.break_glass, e.correlation_id, e.owner_ids";

    @jakarta.inject.Inject
    nl.ketenzicht.shared.Jdbc jdbc;

    /**
     * Seals every committed, unsealed entry in id order, except entries older than the grace period
     * before the newest sealed entry: those were slipped in afterwards, and the verifier reports them.
     * The reference is the log's own time, so a sealer that was down for a while catches up safely.
     */
    public ChainVerifier.Anchor sealPending(Instant now, java.time.Duration grace) throws SQLException {
        try (Connection c = jdbc.connection()) {
            c.setAutoCommit(false);
            try {
                ChainVerifier.Anchor head = sealBatch(c, now, horizon(c, grace));
                c.commit();
                return head;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private ChainVerifier.Anchor sealBatch(Connection c, Instant now, Instant notBefore) throws SQLException {
        long seq = 0;
        String previous = LogEntry.GENESIS;
        try (PreparedStatement last = c.prepareStatement(
                        "SELECT seq, hash FROM access_log_seal ORDER BY seq DESC LIMIT 1 FOR UPDATE");
                ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        List<LogEntry> pending = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM access_log e "
                + "LEFT JOIN access_log_seal s ON s.entry_id = e.id WHERE s.entry_id IS NULL AND e.occurred_at >= ? "
                + "ORDER BY e.id LIMIT 5000")) {
            q.setTimestamp(1, Timestamp.from(notBefore));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    pending.add(entry(rs, 0));
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO access_log_seal (seq, entry_id, hash, sealed_at) VALUES (?, ?, ?, ?)")) {
            for (LogEntry e : pending) {
                previous = e.chainHash(previous);
                ins.setLong(1, ++seq);
                ins.setLong(2, e.id());
                ins.setString(3, previous);
                ins.setTimestamp(4, Timestamp.from(now));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        return seq == 0 ? null : new ChainVerifier.Anchor(seq, previous);
    }

    /** Reads the whole chain, which grows with every access: a long read (a 503 under the pool's 2 s bound on a large log). */
    public ChainVerifier.Result verify(java.time.Duration grace, ChainVerifier.Anchor anchor) throws SQLException {
        return jdbc.longRead(c -> verify(c, horizon(c, grace), anchor));
    }

    /** The time of the newest sealed entry minus the grace period; entries before it must all be sealed. */
    static Instant horizon(Connection c, java.time.Duration grace) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT e.occurred_at FROM access_log_seal s JOIN access_log e "
                        + "ON e.id = s.entry_id ORDER BY s.seq DESC LIMIT 1");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getTimestamp(1).toInstant().minus(grace) : Instant.EPOCH;
        }
    }

    /** Streams the whole chain through the verifier; used by the API and by {@link VerifyCommand}. */
    static ChainVerifier.Result verify(Connection c, Instant staleBefore, ChainVerifier.Anchor anchor)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT s.seq, s.entry_id, s.hash, " + ENTRY_COLUMNS
                        + " FROM access_log_seal s LEFT JOIN access_log e ON e.id = s.entry_id ORDER BY s.seq",
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            q.setFetchSize(Integer.MIN_VALUE);
            Set<Long> stale = staleUnsealed(c, staleBefore);
            try (ResultSet rs = q.executeQuery()) {
                return ChainVerifier.verify(new LinkIterator(rs), stale, anchor);
            }
        }
    }

    private static Set<Long> staleUnsealed(Connection c, Instant staleBefore) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT e.id FROM access_log e LEFT JOIN access_log_seal s "
                + "ON s.entry_id = e.id WHERE s.entry_id IS NULL AND e.occurred_at < ? LIMIT 100")) {
            q.setTimestamp(1, Timestamp.from(staleBefore));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    static LogEntry entry(ResultSet rs, int offset) throws SQLException {
        long orgId = rs.getLong(offset + 6);
        Long org = rs.wasNull() ? null : orgId;
        return new LogEntry(
                rs.getLong(offset + 1),
                rs.getTimestamp(offset + 2).toInstant(),
                rs.getString(offset + 3),
                rs.getString(offset + 4),
                rs.getString(offset + 5),
                org,
                rs.getString(offset + 7),
                rs.getString(offset + 8),
                rs.getString(offset + 9),
                rs.getString(offset + 10),
                rs.getString(offset + 11),
                rs.getString(offset + 12),
                rs.getString(offset + 13),
                rs.getString(offset + 14),
                rs.getString(offset + 15),
                rs.getBoolean(offset + 16),
                rs.getString(offset + 17),
                rs.getString(offset + 18));
    }
}
