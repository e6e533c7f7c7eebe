package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import nl.ketenzicht.shared.Jdbc;

/**
 * The overlap table: the number of linked persons per capture history (the OR of the list bits of
 * their registrations in the selection). Lists of partner types over one year or one quarter are
 * read from the maintained counts (OverlapCounts: a few hundred rows, whatever the number of
 * registrations); named partners and longer periods are counted from the registrations themselves,
 * reading only ix_registration_overlap in person order. Never touches keys or records beyond
 * counting them.
 */
@ApplicationScoped
class OverlapRepository {

    @Inject
    Jdbc jdbc;

    /** Counts per history (index = bit mask over the lists) and registrations per match quality. */
    record Counts(long[] byHistory, Map<String, Long> byMatchQuality) {}

    Counts count(List<ListSpec> lists, EstimateRequests.DateRange period, String policeUnit) {
        try (Connection c = jdbc.connection()) {
            int[] grain = maintainedGrain(lists, period);
            if (grain != null) {
                return new Counts(
                        maintainedHistories(c, lists, grain, policeUnit),
                        maintainedQualities(c, lists, grain, policeUnit));
            }
            return new Counts(histories(c, lists, period, policeUnit), qualities(c, lists, period, policeUnit));
        } catch (SQLException e) {
            throw new IllegalStateException("overlap query failed", e);
        }
    }

    /** {year, quarter (0 = whole year)} when the maintained counts answer this selection, else null. */
    static int[] maintainedGrain(List<ListSpec> lists, EstimateRequests.DateRange period) {
        if (lists.stream().anyMatch(l -> l.organisationId() != null)) {
            return null;
        }
        var from = period.from();
        if (from.getDayOfYear() == 1 && period.to().equals(from.withDayOfYear(from.lengthOfYear()))) {
            return new int[] {from.getYear(), 0};
        }
        boolean quarterStart = from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0;
        if (quarterStart && period.to().equals(from.plusMonths(3).minusDays(1))) {
            return new int[] {from.getYear(), (from.getMonthValue() - 1) / 3 + 1};
        }
        return null;
    }

    /** Maps each stored type mask to the history over the chosen lists; persons on none of them drop out. */
    static long[] maintainedHistories(Connection c, List<ListSpec> lists, int[] grain, String unit)
            throws SQLException {
        long[] counts = new long[1 << lists.size()];
        int[] typeBit = lists.stream()
                .mapToInt(l -> 1 << OverlapCounts.TYPES.indexOf(l.type()))
                .toArray();
        try (PreparedStatement s =
                c.prepareStatement("SELECT type_mask, persons FROM overlap_count WHERE period_year = ?"
                        + " AND period_quarter = ? AND police_unit = ? AND persons > 0")) {
            s.setInt(1, grain[0]);
            s.setInt(2, grain[1]);
            s.setString(3, unit == null ? "" : unit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int mask = rs.getInt(1);
                    int h = 0;
                    for (int i = 0; i < typeBit.length; i++) {
                        h |= (mask & typeBit[i]) != 0 ? 1 << i : 0;
                    }
                    counts[h] += h == 0 ? 0 : rs.getLong(2);
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> maintainedQualities(Connection c, List<ListSpec> lists, int[] grain, String unit)
            throws SQLException {
        Map<String, Long> byQuality = new LinkedHashMap<>();
        String sql =
                "SELECT match_quality, SUM(registrations) FROM registration_count WHERE period_year = ? AND period_quarter = ?"
                        + " AND police_unit = ? AND organisation_type IN ("
                        + lists.stream().map(l -> "?").collect(Collectors.joining(","))
                        + ") GROUP BY match_quality";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            s.setInt(p++, grain[0]);
            s.setInt(p++, grain[1]);
            s.setString(p++, unit == null ? "" : unit);
            for (ListSpec l : lists) {
                s.setString(p++, l.type().name());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byQuality.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return byQuality;
    }

    static String historySql(List<ListSpec> lists, boolean region) {
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < lists.size(); i++) {
            bits.append(i == 0 ? "" : " | ")
                    .append("IF(")
                    .append(lists.get(i).condition())
                    .append(", ")
                    .append(1 << i)
                    .append(", 0)");
        }
        return "SELECT h, COUNT(*) FROM (SELECT person_id, BIT_OR(" + bits + ") AS h FROM registration"
                + " FORCE INDEX (ix_registration_overlap) WHERE " + where(lists, region)
                + " GROUP BY person_id) p GROUP BY h";
    }

    private static String where(List<ListSpec> lists, boolean region) {
        return "registered_on BETWEEN ? AND ?" + (region ? " AND police_unit = ?" : "") + " AND ("
                + lists.stream().map(ListSpec::condition).collect(Collectors.joining(" OR ")) + ")";
    }

    private long[] histories(Connection c, List<ListSpec> lists, EstimateRequests.DateRange period, String unit)
            throws SQLException {
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

    private Map<String, Long> qualities(
            Connection c, List<ListSpec> lists, EstimateRequests.DateRange period, String unit) throws SQLException {
        Map<String, Long> byQuality = new LinkedHashMap<>();
        String sql = "SELECT match_quality, COUNT(*) FROM registration WHERE " + where(lists, unit != null)
                + " GROUP BY match_quality";
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

    private static void bindWhere(
            PreparedStatement s, int first, List<ListSpec> lists, EstimateRequests.DateRange period, String unit)
            throws SQLException {
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
