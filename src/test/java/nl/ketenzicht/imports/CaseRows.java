package nl.ketenzicht.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.support.Db;

/**
 * Every row a case is made of, with the columns as the database holds them (version columns too),
 * its access-log rows and its report facts; database ids are replaced by the record's place in its
 * case (case, p1, p2, ..., e1, ..., a1, ...) and the times of creation left out, so two cases made
 * of the same rows in the same order give the same list however they were written.
 */
final class CaseRows {

    private static final Set<String> LEFT_OUT = Set.of("created_at", "occurred_at", "correlation_id", "id");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Connection c;

    private CaseRows(Connection c) {
        this.c = c;
    }

    static List<String> of(long caseId) throws SQLException {
        try (Connection c = Db.connect()) {
            return new CaseRows(c).rows(caseId);
        }
    }

    private List<String> rows(long caseId) throws SQLException {
        names.put("case:" + caseId, "case");
        name("party", "p", "SELECT id FROM party WHERE case_id = " + caseId + " ORDER BY id");
        String parties = "(SELECT id FROM party WHERE case_id = " + caseId + ")";
        name("chain_event", "e", "SELECT id FROM chain_event WHERE party_id IN " + parties + " ORDER BY id");
        name("aangifte_event", "a", "SELECT id FROM aangifte_event WHERE victim_id IN " + parties + " ORDER BY id");
        List<String> rows = new ArrayList<>();
        rows.addAll(table("case_file", "SELECT * FROM case_file WHERE id = " + caseId, Map.of()));
        rows.addAll(table(
                "case_exploitation_form",
                "SELECT * FROM case_exploitation_form WHERE case_id = " + caseId + " ORDER BY code",
                Map.of("case_id", "case")));
        rows.addAll(table(
                "case_investigation_method",
                "SELECT * FROM case_investigation_method WHERE case_id = " + caseId + " ORDER BY code",
                Map.of("case_id", "case")));
        rows.addAll(table(
                "party", "SELECT * FROM party WHERE case_id = " + caseId + " ORDER BY id", Map.of("case_id", "case")));
        rows.addAll(table(
                "victim_vulnerability",
                "SELECT * FROM victim_vulnerability WHERE party_id IN " + parties + " ORDER BY party_id, code",
                Map.of("party_id", "party")));
        rows.addAll(table(
                "party_link",
                "SELECT * FROM party_link WHERE offender_id IN " + parties + " ORDER BY offender_id, victim_id",
                Map.of("offender_id", "party", "victim_id", "party")));
        rows.addAll(table(
                "party_reference",
                "SELECT * FROM party_reference WHERE party_id IN " + parties + " ORDER BY party_id",
                Map.of("party_id", "party")));
        rows.addAll(table(
                "chain_event",
                "SELECT * FROM chain_event WHERE party_id IN " + parties + " ORDER BY id",
                Map.of("party_id", "party")));
        rows.addAll(table(
                "charge",
                "SELECT * FROM charge WHERE party_id IN " + parties + " ORDER BY id",
                Map.of("party_id", "party")));
        rows.addAll(table(
                "aangifte_event",
                "SELECT * FROM aangifte_event WHERE victim_id IN " + parties + " ORDER BY id",
                Map.of("victim_id", "party")));
        rows.addAll(table(
                "aangifte_reason",
                "SELECT r.* FROM aangifte_reason r JOIN aangifte_event e ON e.id = r.event_id WHERE e.victim_id IN "
                        + parties + " ORDER BY r.event_id, r.code",
                Map.of("event_id", "aangifte_event")));
        rows.addAll(accessLog(caseId, parties));
        rows.addAll(table(
                "report_case_fact",
                "SELECT * FROM report_case_fact WHERE case_id = " + caseId,
                Map.of("case_id", "case")));
        rows.addAll(table(
                "report_party_fact",
                "SELECT * FROM report_party_fact WHERE case_id = " + caseId + " ORDER BY party_id",
                Map.of("case_id", "case", "party_id", "party")));
        rows.addAll(table(
                "report_victim_fact",
                "SELECT * FROM report_victim_fact WHERE case_id = " + caseId + " ORDER BY party_id",
                Map.of("case_id", "case", "party_id", "party")));
        return rows;
    }

    /**
     * The case's access-log rows: those naming the case, one of its parties or steps as their object, in
     * the order written (object and subject ids by their place in the case, the entry's own id left out).
     */
    private List<String> accessLog(long caseId, String parties) throws SQLException {
        String steps = "(SELECT id FROM chain_event WHERE party_id IN " + parties + ")";
        // One object per row for these types: its id compared as a number.
        String sql = "SELECT l.* FROM access_log l WHERE (l.object_type = 'case' AND l.object_ids = '" + caseId
                + "') OR (l.object_type = 'party' AND CAST(l.object_ids AS UNSIGNED) IN " + parties
                + ") OR (l.object_type = 'chain-event' AND CAST(l.object_ids AS UNSIGNED) IN " + steps
                + ") ORDER BY l.id";
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                String type = rs.getString("object_type");
                String table = type.equals("case") ? "case" : type.equals("party") ? "party" : "chain_event";
                StringBuilder row = new StringBuilder("access_log");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnLabel(i);
                    if (LEFT_OUT.contains(col)) {
                        continue;
                    }
                    String v = rs.getString(i);
                    if (col.equals("object_ids")) {
                        v = ids(table, v);
                    } else if (col.equals("subject_ids")) {
                        v = ids("party", v);
                    }
                    row.append(' ').append(col).append('=').append(v);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private void name(String table, String prefix, String sql) throws SQLException {
        int n = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.put(table + ":" + rs.getLong(1), prefix + ++n);
            }
        }
    }

    private List<String> table(String table, String sql, Map<String, String> references) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(table);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnLabel(i);
                    String v = rs.getString(i);
                    if (col.equals("id")) {
                        v = names.getOrDefault(
                                (table.equals("case_file") ? "case" : table) + ":" + v,
                                table.equals("charge") ? "" : v);
                    } else if (LEFT_OUT.contains(col)) {
                        continue;
                    } else if (references.containsKey(col)) {
                        v = ids(references.get(col), v);
                    }
                    row.append(' ').append(col).append('=').append(v);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Ids (one, or a list as the access log keeps them) by their place in the case. */
    private String ids(String table, String value) {
        if (value == null) {
            return null;
        }
        return java.util.Arrays.stream(value.split(",", -1))
                .map(String::strip)
                .map(id -> names.getOrDefault(table + ":" + id, "?" + table))
                .collect(Collectors.joining(","));
    }
}
