package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.ketenzicht.shared.Jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The overlap table straight from the registrations: one capture history per linked person (the
 * OR of the list bits of their registrations in the selection), then the number of persons per
 * history. Reads only ix_registration_overlap, in person order, so the inner GROUP BY needs no
 * temporary table. Never touches keys or records beyond counting them.
 */
@ApplicationScoped
class OverlapRepository {

    @Inject
    Jdbc jdbc;

    /** Counts per history (index = bit mask over the lists) and registrations per match quality. */
    record Counts(long[] byHistory, Map<String, Long> byMatchQuality) {
    }

    Counts count(List<ListSpec> lists, EstimateRequests.DateRange period, String policeUnit) {
        try (Connection c = jdbc.connection()) {
            return new Counts(histories(c, lists, period, policeUnit), qualities(c, lists, period, policeUnit));
        } catch (SQLException e) {
            throw new IllegalStateException("overlap query failed", e);
        }
    }

    static String historySql(List<ListSpec> lists, boolean region) {
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < lists.size(); i++) {
            bits.append(i == 0 ? "" : " | ").append("IF(").append(lists.get(i).condition()).append(", ").append(1 << i).append(", 0)");
        }
        return "SELECT h, COUNT(*) FROM (SELECT person_id, BIT_OR(" + bits + ") AS h FROM registration"
                + " FORCE INDEX (ix_registration_overlap) WHERE " + where(lists, region)
                + " GROUP BY person_id) p GROUP BY h";
    }

    private static String where(List<ListSpec> lists, boolean region) {
        return "registered_on BETWEEN ? AND ?" + (region ? " AND police_unit = ?" : "")
                + " AND (" + lists.stream().map(ListSpec::condition).collect(Collectors.joining(" OR ")) + ")";
    }

    private long[] histories(Connection c, List<ListSpec> lists, EstimateRequests.DateRange period, String unit) throws SQLException {
        long[] counts = new long[1 << lists.size()];
        try (PreparedStatement s = c.prepareStatement(historySql(lists, unit != null))) {
            int p = 1;
            for (ListSpec l : lists) {
                s.setObject(p++, l.parameter());
            }
            bindWhere(s, p, lists, period, unit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        return counts;
    }

    private Map<String, Long> qualities(Connection c, List<ListSpec> lists, EstimateRequests.DateRange period, String unit) throws SQLException {
        Map<String, Long> byQuality = new LinkedHashMap<>();
        String sql = "SELECT match_quality, COUNT(*) FROM registration WHERE " + where(lists, unit != null) + " GROUP BY match_quality";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindWhere(s, 1, lists, period, unit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byQuality.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return byQuality;
    }

    private static void bindWhere(PreparedStatement s, int first, List<ListSpec> lists, EstimateRequests.DateRange period,
                                  String unit) throws SQLException {
        int p = first;
        s.setDate(p++, Date.valueOf(period.from()));
        s.setDate(p++, Date.valueOf(period.to()));
        if (unit != null) {
            s.setString(p++, unit);
        }
        for (ListSpec l : lists) {
            s.setObject(p++, l.parameter());
        }
    }

    /** The history bits as list codes, for labelling cells. */
    static List<String> listsOf(int history, List<String> codes) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if ((history & (1 << i)) != 0) {
                on.add(codes.get(i));
            }
        }
        return on;
    }
}
