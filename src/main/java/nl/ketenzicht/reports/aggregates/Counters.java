package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Moves a case's counts in report_funnel from its old contribution to its new one, in one statement. */
final class Counters {

    private static final int DIMS = 8;
    private static final String ROW = "(" + "?, ".repeat(DIMS + CaseContribution.COLUMNS.size() - 1) + "?)";
    private static final String INSERT = "INSERT INTO report_funnel (police_unit, court_district, prosecution_office, "
            + "year, quarter, origin, team_type, forms, " + String.join(", ", CaseContribution.COLUMNS) + ") VALUES ";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE "
            + CaseContribution.COLUMNS.stream().map(col -> col + " = " + col + " + VALUES(" + col + ")")
            .collect(Collectors.joining(", "));

    private Counters() {
    }

    static void move(Connection c, Optional<CaseContribution> before, Optional<CaseContribution> after) throws SQLException {
        Map<CaseContribution.Dimensions, long[]> deltas = new LinkedHashMap<>();
        before.ifPresent(b -> deltas.put(b.dims(), Arrays.stream(b.counts()).map(n -> -n).toArray()));
        after.ifPresent(a -> deltas.merge(a.dims(), a.counts(), (old, add) -> {
            long[] sum = old.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += add[i];
            }
            return sum;
        }));
        deltas.values().removeIf(d -> Arrays.stream(d).allMatch(n -> n == 0));
        if (!deltas.isEmpty()) {
            add(c, deltas);
        }
    }

    private static void add(Connection c, Map<CaseContribution.Dimensions, long[]> deltas) throws SQLException {
        String sql = INSERT + String.join(", ", Collections.nCopies(deltas.size(), ROW)) + ON_DUPLICATE;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = 1;
            for (var e : deltas.entrySet()) {
                CaseContribution.Dimensions d = e.getKey();
                s.setString(next++, d.policeUnit());
                s.setString(next++, d.courtDistrict());
                s.setString(next++, d.prosecutionOffice());
                s.setInt(next++, d.year());
                s.setInt(next++, d.quarter());
                s.setString(next++, d.origin());
                s.setString(next++, d.teamType());
                s.setString(next++, d.forms());
                for (long n : e.getValue()) {
                    s.setLong(next++, n);
                }
            }
            s.executeUpdate();
        }
    }
}
