package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.SqlTimes;

/** Read queries over the access log and break-glass grants for auditors, limited to their organisation's people and records. */
@ApplicationScoped
class AuditQueries {

    @Inject
    Jdbc jdbc;

    /**
     * The entries of the auditor's organisation: those made by its people, and every access by anyone
     * to the records it owns (the owner index, see LogRow). Each half uses its own index.
     */
    Page<AuditViews.EntryView> search(AuditFilter f, long auditorOrganisation) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" JOIN (SELECT id FROM access_log WHERE organisation_id = ? UNION "
                + "SELECT entry_id FROM access_log_owner WHERE organisation_id = ?) mine ON mine.id = e.id WHERE TRUE");
        params.add(auditorOrganisation);
        params.add(auditorOrganisation);
        clause(where, params, "e.actor = ?", f.actor());
        clause(where, params, "e.username = ?", f.username());
        clause(where, params, "e.action = ?", f.action());
        // UTC days, as the entries' times are shown; not Timestamp.valueOf(day.atStartOfDay()), the JVM's midnight.
        clause(where, params, "e.occurred_at >= ?", SqlTimes.startOf(f.from()));
        clause(where, params, "e.occurred_at < ?", f.to() == null ? null : SqlTimes.startOf(f.to().plusDays(1)));
        if (f.subject() != null) {
            where.append(" AND e.id IN (SELECT entry_id FROM access_log_subject WHERE subject_id = ?)");
            params.add(f.subject());
        }
        return page(
                "SELECT " + AuditStore.ENTRY_COLUMNS + " FROM access_log e" + where + " ORDER BY e.id DESC",
                "SELECT COUNT(*) FROM access_log e" + where,
                params,
                f.offset(),
                f.limit());
    }

    /** Every access to one data subject, whoever made it: the subject's access overview. */
    Page<AuditViews.EntryView> subject(long subjectId, int offset, int limit) throws SQLException {
        String from = " FROM access_log e JOIN access_log_subject s ON s.entry_id = e.id WHERE s.subject_id = ?";
        return page(
                "SELECT " + AuditStore.ENTRY_COLUMNS + from + " ORDER BY e.id",
                "SELECT COUNT(*)" + from,
                List.of(subjectId),
                offset,
                limit);
    }

    /** Whether the victim belongs to a case of the auditor's organisation. */
    boolean subjectInScope(long subjectId, long organisationId) throws SQLException {
        try (Connection c = jdbc.connection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT 1 FROM party p JOIN case_file k ON k.id = p.case_id WHERE p.id = ? AND k.owner_organisation_id = ?")) {
            q.setLong(1, subjectId);
            q.setLong(2, organisationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    List<AuditViews.BreakGlassView> breakGlass(long organisationId) throws SQLException {
        String sql =
                "SELECT g.id, g.user_id, u.username, g.case_id, g.reason, g.granted_at, g.expires_at FROM break_glass g "
                        + "JOIN user_account u ON u.id = g.user_id LEFT JOIN case_file k ON k.id = g.case_id "
                        + "WHERE u.organisation_id = ? OR k.owner_organisation_id = ? ORDER BY g.id DESC LIMIT 500";
        List<AuditViews.BreakGlassView> out = new ArrayList<>();
        try (Connection c = jdbc.connection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, organisationId);
            q.setLong(2, organisationId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditViews.BreakGlassView(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    private Page<AuditViews.EntryView> page(String select, String count, List<Object> params, int offset, int limit)
            throws SQLException {
        try (Connection c = jdbc.connection()) {
            List<AuditViews.EntryView> items = new ArrayList<>();
            try (PreparedStatement q = bind(c.prepareStatement(select + " LIMIT ? OFFSET ?"), params, limit, offset);
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    items.add(AuditViews.EntryView.of(AuditStore.entry(rs, 0)));
                }
            }
            try (PreparedStatement q = bind(c.prepareStatement(count), params);
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Page<>(items, rs.getLong(1), offset, limit);
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement q, List<Object> params, Object... more)
            throws SQLException {
        int i = 1;
        for (Object p : params) {
            q.setObject(i++, p);
        }
        for (Object p : more) {
            q.setObject(i++, p);
        }
        return q;
    }

    private static void clause(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }
}
