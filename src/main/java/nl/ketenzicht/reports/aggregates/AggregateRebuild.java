package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Recomputes all report aggregates from the base tables in set-based SQL: after a bulk load, and as
 * an independent check on the incremental path (written separately, so a shared mistake is unlikely).
 * Measure 4's counters are recounted from the victim facts, which this rebuild leaves as they are.
 */
public final class AggregateRebuild {

    private static final String FORMS = "(SELECT case_id, GROUP_CONCAT(code ORDER BY CAST(code AS BINARY) SEPARATOR ',') AS forms "
            + "FROM case_exploitation_form GROUP BY case_id)";
    private static final String DIMS = "c.police_unit, c.court_district, c.prosecution_office, YEAR(c.opened_on), "
            + "QUARTER(c.opened_on), c.origin, c.team_type, COALESCE(f.forms, '')";
    private static final String PARTY_FACTS = "INSERT INTO report_party_fact (party_id, case_id, kind, police_unit, "
            + "court_district, prosecution_office, year, quarter, origin, team_type, forms, in_view_on, om_inflow_on, "
            + "decision_on, decision, verdict_on, case_closed_on, case_closing_reason) SELECT p.id, p.case_id, p.kind, " + DIMS + ", "
            + "MAX(IF(e.stage = 'IN_VIEW', e.occurred_on, NULL)), MAX(IF(e.stage = 'OM_INFLOW', e.occurred_on, NULL)), "
            + "MAX(IF(e.stage = 'OM_DECISION', e.occurred_on, NULL)), MAX(IF(e.stage = 'OM_DECISION', e.decision, NULL)), "
            + "MAX(IF(e.stage = 'VERDICT', e.occurred_on, NULL)), MAX(c.closed_on), MAX(c.closing_reason) "
            + "FROM party p JOIN case_file c ON c.id = p.case_id LEFT JOIN " + FORMS + " f ON f.case_id = c.id "
            + "LEFT JOIN chain_event e ON e.party_id = p.id WHERE p.kind IN ('SUSPECT', 'CLIENT') GROUP BY p.id";
    private static final String PARTY_FLAGS = "(SELECT p.id, p.case_id, p.kind, COALESCE(p.age_verification_at_issue, 0) AS av, "
            + "COALESCE(MAX(e.stage = 'IN_VIEW'), 0) AS iv, COALESCE(MAX(e.stage = 'OM_INFLOW'), 0) AS om, "
            + "COALESCE(MAX(e.stage = 'OM_DECISION' AND e.decision = 'SUMMONS'), 0) AS su, "
            + "COALESCE(MAX(e.stage = 'VERDICT' AND e.verdict = 'CONVICTION'), 0) AS co, "
            + "COALESCE(MAX(e.stage = 'SENTENCE' AND e.custody_unconditional_days > 0), 0) AS cu "
            + "FROM party p LEFT JOIN chain_event e ON e.party_id = p.id GROUP BY p.id)";
    private static final String CASE_FACTS = "INSERT INTO report_case_fact SELECT c.id, " + DIMS + ", "
            + "COUNT(IF(p.kind = 'VICTIM', 1, NULL)), COUNT(IF(p.kind = 'SUSPECT', 1, NULL)), "
            + "COUNT(IF(p.kind = 'SUSPECT' AND p.iv, 1, NULL)), COUNT(IF(p.kind = 'SUSPECT' AND p.om, 1, NULL)), "
            + "COUNT(IF(p.kind = 'SUSPECT' AND p.su, 1, NULL)), COUNT(IF(p.kind = 'SUSPECT' AND p.co, 1, NULL)), "
            + "COUNT(IF(p.kind = 'SUSPECT' AND p.cu, 1, NULL)), COUNT(IF(p.kind = 'CLIENT', 1, NULL)), "
            + "COUNT(IF(p.kind = 'CLIENT' AND p.om, 1, NULL)), COUNT(IF(p.kind = 'CLIENT' AND p.su, 1, NULL)), "
            + "COUNT(IF(p.kind = 'CLIENT' AND p.co, 1, NULL)), COUNT(IF(p.kind = 'CLIENT' AND p.cu, 1, NULL)), "
            + "COUNT(IF(p.kind = 'CLIENT' AND p.av, 1, NULL)) "
            + "FROM case_file c LEFT JOIN " + FORMS + " f ON f.case_id = c.id LEFT JOIN " + PARTY_FLAGS
            + " p ON p.case_id = c.id GROUP BY c.id";
    private static final String FUNNEL = "INSERT INTO report_funnel SELECT police_unit, court_district, prosecution_office, "
            + "year, quarter, origin, team_type, forms, COUNT(*), SUM(victims), SUM(suspects), SUM(s_in_view), "
            + "SUM(s_om_inflow), SUM(s_summons), SUM(s_conviction), SUM(s_custody), SUM(clients), SUM(c_om_inflow), "
            + "SUM(c_summons), SUM(c_conviction), SUM(c_custody), SUM(c_age_check), "
            + CellKeys.sql("(SELECT secret FROM report_key WHERE id = 1)", "police_unit", "court_district",
            "prosecution_office", "year", "quarter", "origin", "team_type", "forms") + " FROM report_case_fact "
            + "GROUP BY police_unit, court_district, prosecution_office, year, quarter, origin, team_type, forms";

    private AggregateRebuild() {
    }

    /** Replaces all aggregates; run it in one transaction so readers see the old or the new set. */
    public static void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM report_funnel");
            s.executeUpdate("DELETE FROM report_funnel_delta");
            s.executeUpdate("DELETE FROM report_case_fact");
            s.executeUpdate("DELETE FROM report_party_fact");
            s.executeUpdate(PARTY_FACTS);
            s.executeUpdate(CASE_FACTS);
            s.executeUpdate(FUNNEL);
            s.executeUpdate("DELETE FROM report_victim_count");
            for (String sql : VictimCounts.rebuild()) {
                s.executeUpdate(sql);
            }
        }
    }
}
