package nl.ketenzicht.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.RegionRef;

/**
 * The regions of a level, from the court districts (each names its police unit and OM office), and
 * which of them belong to a regional coordinator's police unit.
 */
final class RegionDirectory {

    private RegionDirectory() {}

    static List<RegionRef> regions(Connection c, ReportRequest.Level level) throws SQLException {
        String sql = switch (level) {
            case POLICE_UNIT ->
                "SELECT DISTINCT u.code, u.name FROM ref_court_district d JOIN ref_police_unit u ON u.code = d.police_unit ORDER BY u.code";
            case COURT_DISTRICT -> "SELECT code, name FROM ref_court_district ORDER BY code";
            case PROSECUTION_OFFICE ->
                "SELECT DISTINCT o.code, o.name FROM ref_court_district d JOIN ref_prosecution_office o ON o.code = d.prosecution_office ORDER BY o.code";
        };
        List<RegionRef> regions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                regions.add(new RegionRef(rs.getString(1), rs.getString(2)));
            }
        }
        return regions;
    }

    /** The regions of the level that lie in the police unit. */
    static Set<String> within(Connection c, ReportRequest.Level level, String policeUnit) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        String column = level == ReportRequest.Level.COURT_DISTRICT ? "code" : level.column;
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + column + " FROM ref_court_district WHERE police_unit = ?")) {
            s.setString(1, policeUnit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    /** The hidden row of all municipalities outside the chosen unit (see {@link VictimCut}). */
    static final String REST = "REST";

    /** The municipalities of a police unit, then REST; empty if the unit has none (unknown unit). */
    static List<RegionRef> municipalities(Connection c, String policeUnit) throws SQLException {
        List<RegionRef> regions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT cbs_code, name FROM ref_municipality WHERE police_unit = ? ORDER BY cbs_code")) {
            s.setString(1, policeUnit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    regions.add(new RegionRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        if (!regions.isEmpty()) {
            regions.add(new RegionRef(REST, "Overige gemeenten"));
        }
        return regions;
    }

    /** The codes of a reference list (expired ones too: old records keep them), in display order. */
    static List<String> codes(Connection c, String list) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT code FROM ref_code WHERE list = ? ORDER BY sort_order, code")) {
            s.setString(1, list);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }
}
