package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Moves a case's counts in report_funnel from its old contribution to its new one. */
final class Counters {

    private static final String UPSERT = "INSERT INTO report_funnel (police_unit, court_district, prosecution_office, "
            + "year, quarter, origin, team_type, forms, " + String.join(", ", CaseContribution.COLUMNS) + ") VALUES ("
            + "?, ".repeat(8 + CaseContribution.COLUMNS.size() - 1) + "?) ON DUPLICATE KEY UPDATE "
            + CaseContribution.COLUMNS.stream().map(col -> col + " = " + col + " + VALUES(" + col + ")")
            .collect(Collectors.joining(", "));

    private Counters() {
    }

    static void move(Connection c, Optional<CaseContribution> before, Optional<CaseContribution> after) throws SQLException {
        if (before.isPresent() && after.isPresent() && before.get().dims().equals(after.get().dims())) {
            long[] delta = new long[CaseContribution.COLUMNS.size()];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = after.get().counts()[i] - before.get().counts()[i];
            }
            if (Arrays.stream(delta).anyMatch(d -> d != 0)) {
                add(c, after.get().dims(), delta);
            }
            return;
        }
        if (before.isPresent()) {
            add(c, before.get().dims(), Arrays.stream(before.get().counts()).map(n -> -n).toArray());
        }
        if (after.isPresent()) {
            add(c, after.get().dims(), after.get().counts());
        }
    }

    private static void add(Connection c, CaseContribution.Dimensions d, long[] delta) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, d.policeUnit());
            s.setString(2, d.courtDistrict());
            s.setString(3, d.prosecutionOffice());
            s.setInt(4, d.year());
            s.setInt(5, d.quarter());
            s.setString(6, d.origin());
            s.setString(7, d.teamType());
            s.setString(8, d.forms());
            for (int i = 0; i < delta.length; i++) {
                s.setLong(9 + i, delta[i]);
            }
            s.executeUpdate();
        }
    }
}
