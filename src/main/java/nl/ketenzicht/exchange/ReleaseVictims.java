package nl.ketenzicht.exchange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The victims of the cases opened in a span of years, as the open release reads them: one query that
 * the server streams row by row (the driver holds one row, not the result), reading only the columns the
 * release uses. The order does not matter: the release counts rows and sorts what it writes.
 */
final class ReleaseVictims implements OpenRelease.Victims {

    private static final String SQL = "SELECT c.opened_on, c.police_unit, c.origin, c.status,"
            + " (SELECT GROUP_CONCAT(f.code) FROM case_exploitation_form f WHERE f.case_id = c.id),"
            + " p.gender, p.birth_year, p.birth_month, p.nationality, p.exploitation_started_on, p.aangifte_status,"
            + " p.recruitment_channel, EXISTS (SELECT 1 FROM care_referral r WHERE r.victim_id = p.id)"
            + " FROM case_file c JOIN party p ON p.case_id = c.id AND p.kind = 'VICTIM'"
            + " WHERE c.opened_on >= ? AND c.opened_on < ?";

    private final Connection c;
    private final LocalDate from;
    private final LocalDate before;

    ReleaseVictims(Connection c, int fromYear, int toYear) {
        this.c = c;
        this.from = LocalDate.of(fromYear, 1, 1);
        this.before = LocalDate.of(toYear + 1, 1, 1);
    }

    @Override
    public void forEach(Sink sink) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream the rows instead of buffering the result
            ps.setObject(1, from);
            ps.setObject(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String forms = rs.getString(5);
                    sink.accept(new OpenRelease.Victim(
                            rs.getObject(1, LocalDate.class),
                            rs.getString(2),
                            rs.getString(3),
                            "CLOSED".equals(rs.getString(4)),
                            OpenRelease.form(forms == null ? List.of() : Arrays.asList(forms.split(","))),
                            rs.getString(6),
                            integer(rs, 7),
                            integer(rs, 8),
                            rs.getString(9),
                            rs.getObject(10, LocalDate.class),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getBoolean(13)));
                }
            }
        }
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
